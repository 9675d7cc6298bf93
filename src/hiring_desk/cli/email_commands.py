"""``email templates`` and ``email draft``: messages to candidates, as files mail programs open."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from hiring_desk.cli.output import out, writing_out_file
from hiring_desk.cli.registry import EXIT_OK, CommandError, add_workbook_argument, command


def _email_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="what", metavar="WHAT", required=True)
    templates = sub.add_parser(
        "templates",
        help="list the email templates (built in, and the workbook's own)",
        description="List the email templates: their names, language and what they are about.",
    )
    templates.add_argument(
        "--workbook", "-w", type=Path, metavar="PATH", help="also list this workbook's own"
    )
    templates.add_argument("--language", metavar="CODE", help="only templates in this language")
    draft = sub.add_parser(
        "draft",
        help="write a message to candidates as an .eml draft (or a folder of them)",
        description=(
            "Fill an email template for a candidate and write it as an .eml file that any "
            "mail program opens as a message ready to send, with the interview's calendar "
            "file or the offer letter attached. Given --candidate more than once, --out is a "
            "folder that gets one draft per candidate (or, with --mbox, one mbox file). "
            "Nothing is made while a merge field is empty; each one is named. Every message "
            "made is kept on the candidate's timeline."
        ),
    )
    add_workbook_argument(draft, "the workbook to read")
    draft.add_argument(
        "--template", required=True, metavar="NAME", help="the template's key or name (required)"
    )
    draft.add_argument(
        "--candidate",
        required=True,
        type=int,
        action="append",
        metavar="ID",
        help="the candidate's id (required; repeat it for several candidates)",
    )
    about = draft.add_mutually_exclusive_group()
    about.add_argument("--interview", type=int, metavar="ID", help="the interview it is about")
    about.add_argument("--offer", type=int, metavar="ID", help="the offer it is about")
    draft.add_argument(
        "--from",
        dest="sender",
        metavar="MEMBER",
        help="the team member writing (id or name; default: the company's signatory)",
    )
    draft.add_argument("--reason", default="", metavar="TEXT", help="a reason line (rejections)")
    draft.add_argument(
        "--mbox", action="store_true", help="with several candidates, write one mbox file"
    )
    draft.add_argument(
        "--out",
        required=True,
        type=Path,
        metavar="PATH",
        help="the .eml file to write, or a folder for several candidates (required)",
    )


@command(
    "email",
    help="email templates, and drafts of messages to candidates",
    description="Messages to candidates. WHAT is: templates, draft.",
    arguments=_email_arguments,
)
def _run_email(args: argparse.Namespace) -> int:
    if args.what == "templates":
        return _templates(args)
    return _draft(args)


def _templates(args: argparse.Namespace) -> int:
    from hiring_desk.services.email import email_templates

    if args.workbook is not None:
        from hiring_desk.services.workbook.opening import open_workbook

        with open_workbook(args.workbook) as workbook:
            found = email_templates.list_email_templates(workbook, args.language)
    else:
        found = [
            t
            for t in email_templates.builtin_email_templates()
            if args.language is None or t.language == args.language
        ]
    about = {"": "", "interview": "  (about an interview)", "offer": "  (about an offer)"}
    width = max((len(t.key) for t in found), default=0)
    for template in found:
        name = f"[{template.language}] {template.name}{about[template.needs]}"
        out(f"{template.key.ljust(width)}  {name}")
    if not found:
        out("No templates in that language.")
    return EXIT_OK


def _draft(args: argparse.Namespace) -> int:
    from hiring_desk.services.email import bulk_messages, messages
    from hiring_desk.services.workbook.opening import open_workbook

    several = len(set(args.candidate)) > 1
    target: Path = args.out
    if several and (args.interview is not None or args.offer is not None):
        raise CommandError("An interview or an offer belongs to one candidate: give just one.")
    if several and not args.mbox:
        if target.exists() and not target.is_dir():
            raise CommandError(f"{target} is not a folder; several candidates need a folder.")
        if not target.parent.is_dir():
            raise CommandError(f"The folder {target.parent} does not exist.")
        target.mkdir(exist_ok=True)
        with open_workbook(args.workbook) as workbook:
            sender = _sender(workbook, args.sender)
            prepared = bulk_messages.prepare_bulk(
                workbook, args.template, args.candidate, sender_id=sender, reason=args.reason
            )
            files, _records = bulk_messages.write_bulk(workbook, prepared, target, mbox=False)
        out(f"Wrote {len(files)} drafts to {target}")
        return EXIT_OK
    with writing_out_file(target, args.workbook), open_workbook(args.workbook) as workbook:
        sender = _sender(workbook, args.sender)
        if several:
            prepared = bulk_messages.prepare_bulk(
                workbook, args.template, args.candidate, sender_id=sender, reason=args.reason
            )
            bulk_messages.write_bulk(workbook, prepared, target, mbox=True)
            out(f"Wrote {len(prepared)} messages to {target}")
            return EXIT_OK
        about = messages.MessageSubject(
            args.candidate[0],
            interview_id=args.interview,
            offer_id=args.offer,
            sender_id=sender,
            reason=args.reason,
        )
        made = messages.prepare_message(workbook, args.template, about)
        messages.write_message(workbook, made, target)
        attached = ", ".join(item.filename for item in made.draft.attachments)
        out(f"Wrote {target}" + (f" (attached: {attached})" if attached else ""))
    return EXIT_OK


def _sender(workbook: Any, wanted: str | None) -> int | None:
    """The writer's member id: ``wanted`` (an id or a name), else the company's signatory."""
    from hiring_desk.services.team import company, team_members

    if wanted is None:
        return company.get_company(workbook).signatory_id
    members = team_members.list_members(workbook)
    for member in members:
        if str(member.id) == wanted.strip() or member.name.casefold() == wanted.strip().casefold():
            return member.id
    raise CommandError(
        f"There is no team member '{wanted}'; give a member's id or name as in Team & Company."
    )
