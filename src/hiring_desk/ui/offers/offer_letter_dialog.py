"""Printing an offer's letter: choose a template, see what is missing, preview, save the PDF.

The first PDF saved keeps the letter with the offer; after that the dialog
shows the kept letter and every PDF is a reprint of it. "Regenerate" makes it
again from the chosen template while the offer is a draft or approved.
The preview renders the letter's Markdown (headings, lists, bold) as it
prints; what people typed shows as typed. Until the offer is approved a line
says why the PDF is marked DRAFT. When a letter needs something from the
company profile (its address, name or signatory), a button opens the profile
there and checks the letter again. The PDF is laid out in the background
(``ui.operations.run_in_background``); regenerating is a quick operation.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QTextBlockFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from hiring_desk.domain.formatting import format_day
from hiring_desk.domain.letter_fields import body_markdown
from hiring_desk.file_names import safe_file_name
from hiring_desk.services.common.errors import ServiceError
from hiring_desk.services.offers import letter_templates, offer_letters
from hiring_desk.services.offers.offer_letters import LetterPreview, LetterState
from hiring_desk.services.preferences import workbook_preferences
from hiring_desk.services.team import company
from hiring_desk.services.workbook.opening import Workbook
from hiring_desk.ui import file_dialogs, messages
from hiring_desk.ui.changes import Change
from hiring_desk.ui.help_topics import add_help_key
from hiring_desk.ui.modal import run_modal
from hiring_desk.ui.offers.offer_templates_dialog import OfferTemplatesDialog
from hiring_desk.ui.operations import BackgroundOperation, run_in_background, run_operation
from hiring_desk.ui.printed import offer_to_open
from hiring_desk.ui.team.company_dialog import CompanyDialog
from hiring_desk.ui.theme import TextRole, Tone, note_style, set_style, styled
from hiring_desk.ui.widgets import plain_label

__all__ = ["OfferLetterDialog", "OfferTemplatesDialog"]

#: Markdown as CommonMark and GitHub tables, never raw HTML: names show as typed.
_MARKDOWN = QTextDocument.MarkdownFeature(
    QTextDocument.MarkdownFeature.MarkdownDialectGitHub.value
    | QTextDocument.MarkdownFeature.MarkdownNoHTML.value
)
LINE_SEPARATOR = "\u2028"
#: Problems that the company profile answers, and the field to open it at.
_PROFILE_FIELDS = {
    "company.address": "address",
    "company.name": "name",
    "signatory.name": "signatory",
}


class OfferLetterDialog(QDialog):
    def __init__(self, workbook: Workbook, offer_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        add_help_key(self)  # F1: this dialog's section of the user guide
        self.setObjectName("offer_letter_dialog")
        self._workbook = workbook
        self._offer_id = offer_id
        self._locale = company.get_company(workbook).locale
        self._state: LetterState = offer_letters.letter_state(workbook, offer_id)
        self._preview: LetterPreview | None = None
        #: The PDF being written, while it is.
        self.operation: BackgroundOperation[Path] | None = None
        self.setWindowTitle(f"Offer Letter — {self._state.candidate_name}")

        self.note = plain_label(name="letter_note")
        set_style(self.note, note_style(Tone.INFO))
        self.draft_line = styled(plain_label(name="letter_draft_reason"), TextRole.STRONG)
        set_style(self.draft_line, note_style(Tone.ERROR))
        self.template = QComboBox()
        self.template.setObjectName("letter_template")
        self.template.currentIndexChanged.connect(lambda _index: self.refresh_preview())
        self.templates_button = QPushButton("&Templates…")
        self.templates_button.setObjectName("letter_templates")
        self.templates_button.setAutoDefault(False)
        self.templates_button.clicked.connect(self.edit_templates)
        top = QHBoxLayout()
        top.addWidget(QLabel("Template:"))
        top.addWidget(self.template, 1)
        top.addWidget(self.templates_button)

        self.problems_title = QLabel("Fix these before printing:")
        self.problems_title.setObjectName("letter_problems_title")
        self.problems = QListWidget()
        self.problems.setObjectName("letter_problems")
        self.problems.setAccessibleName("Fix these before printing")
        self.problems.setMaximumHeight(110)
        self.profile_button = QPushButton("Open the &Company Profile…")
        self.profile_button.setObjectName("letter_company_profile")
        self.profile_button.setAutoDefault(False)
        self.profile_button.clicked.connect(self.open_company_profile)
        self._profile_focus = "address"
        self.preview = QTextBrowser()
        self.preview.setObjectName("letter_preview")
        self.preview.setAccessibleName("The letter")
        self.preview.setOpenLinks(False)

        self.regenerate_button = QPushButton("&Regenerate")
        self.regenerate_button.setObjectName("letter_regenerate")
        self.regenerate_button.setAutoDefault(False)
        self.regenerate_button.clicked.connect(self.regenerate)
        self.save_button = QPushButton("&Save PDF…")
        self.save_button.setObjectName("letter_save")
        self.save_button.clicked.connect(self.save_pdf)
        self.status = plain_label(name="letter_status", wrap=False)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        box.addButton(self.regenerate_button, QDialogButtonBox.ButtonRole.ActionRole)
        box.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        box.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.draft_line)
        layout.addLayout(top)
        layout.addWidget(self.problems_title)
        layout.addWidget(self.problems)
        layout.addWidget(self.profile_button)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.status)
        layout.addWidget(box)
        self.resize(760, 720)
        self._fill_templates(self._first_template())

    # -- showing -------------------------------------------------------------------------

    def _fill_templates(self, select: str) -> None:
        self.template.blockSignals(True)
        self.template.clear()
        for choice in letter_templates.list_letter_templates(self._workbook):
            label = choice.name if choice.built_in else f"{choice.name} (yours)"
            self.template.addItem(label, choice.key)
        index = self.template.findData(select)
        if index < 0:  # printed from a template of the user's own that is gone since
            self.template.addItem(f"{select} (removed)", select)
            index = self.template.count() - 1
        self.template.setCurrentIndex(index)
        self.template.blockSignals(False)
        self.refresh_preview()

    def _first_template(self) -> str:
        """The template a printed letter came from; else the default set in Preferences,
        else the one for the offer's employment type."""
        if self._state.frozen:
            return self._state.template_key
        return (
            workbook_preferences.default_letter_template(self._workbook) or self._state.template_key
        )

    def selected_template(self) -> str:
        return str(self.template.currentData() or self._state.template_key)

    def _showing_kept_letter(self) -> bool:
        return self._state.frozen and self.selected_template() == self._state.template_key

    def refresh_preview(self) -> None:
        """The kept letter once printed (with its template chosen), else the template's."""
        state = self._state
        self._preview = None
        fields: set[str] = set()
        if self._showing_kept_letter() and state.printed is not None:
            problems: list[str] = []
            _show_markdown(self.preview, state.printed.markdown())
        else:
            try:
                self._preview = offer_letters.preview_letter(
                    self._workbook, self._offer_id, self.selected_template()
                )
            except ServiceError as exc:
                self._preview = LetterPreview(None, ())
                problems = [str(exc)]
            else:
                problems = [p.message for p in self._preview.problems]
                fields = {p.field for p in self._preview.problems}
            letter = self._preview.letter
            text = letter.markdown() if letter else body_markdown(self._preview.draft)
            _show_markdown(self.preview, text)
        self.problems.clear()
        self.problems.addItems(problems)
        self.problems_title.setVisible(bool(problems))
        self.problems.setVisible(bool(problems))
        self._offer_profile(fields)
        reason = state.draft_reason
        self.draft_line.setText(reason or "")
        self.draft_line.setVisible(bool(reason))
        self._update_note_and_buttons(ready=not problems)

    def _update_note_and_buttons(self, *, ready: bool) -> None:
        state = self._state
        kept = self._showing_kept_letter()
        self.template.setEnabled(not state.frozen or state.can_regenerate)
        self.regenerate_button.setVisible(state.frozen)
        self.regenerate_button.setEnabled(state.frozen and state.can_regenerate and ready)
        self.save_button.setEnabled(ready and (kept or not state.frozen))
        if not state.frozen:
            self.note.setText(
                "Not printed yet. The first PDF you save keeps this letter with the offer, "
                "so every later print gives the same letter."
            )
            return
        printed = format_day(
            state.printed_at.astimezone().date() if state.printed_at else None, self._locale
        )
        parts = [f"Printed on {printed}; reprints give the same letter."]
        if not kept:
            parts.append(
                "Below is the letter this template would make now. Regenerate to keep it "
                "instead of the printed one."
            )
        elif state.terms_changed:
            parts.append("The offer's terms have changed since it was printed.")
        if not state.can_regenerate:
            parts.append("The offer has been sent, so the letter stays as printed.")
        elif kept:
            parts.append(
                "While the offer is a draft or approved, Regenerate makes it again from the "
                "template."
            )
        self.note.setText(" ".join(parts))

    def _offer_profile(self, fields: set[str]) -> None:
        """Show the company profile button when the letter waits for something in it."""
        missing = [key for key in _PROFILE_FIELDS if key in fields]
        if missing:
            self._profile_focus = _PROFILE_FIELDS[missing[0]]
            self.profile_button.setText(
                "Add the &Company's Address…"
                if missing[0] == "company.address"
                else "Open the &Company Profile…"
            )
        self.profile_button.setVisible(bool(missing))

    # -- actions -------------------------------------------------------------------------

    def open_company_profile(self) -> None:
        """Open the company profile at what is missing; once saved, check the letter again."""
        dialog = CompanyDialog(self._workbook, self, self._profile_focus)
        saved = run_modal(dialog)
        if not saved:
            return
        self.refresh_preview()
        ready = self.save_button.isEnabled()
        self.status.setText(
            "The company profile is saved; the letter is ready to print."
            if ready
            else "The company profile is saved; the letter still needs the fixes listed."
        )

    def save_pdf(self) -> None:
        start = Path.home() / safe_file_name(
            f"Offer letter - {self._state.candidate_name}", "Offer letter", extension=".pdf"
        )
        path = file_dialogs.ask_save_pdf(self, start, "Save Offer Letter")
        if path is None:
            return
        workbook, offer_id = self._workbook, self._offer_id
        key = None if self._state.frozen else self.selected_template()
        self.save_button.setEnabled(False)
        self.operation = run_in_background(
            self,
            lambda _progress: offer_letters.write_letter_pdf(workbook, offer_id, path, key),
            title="Saving Offer Letter",
            label="Laying out the letter…",
            changes=Change.OFFERS,  # the letter is kept with the offer
            failure_title="Letter Not Saved",
            on_success=lambda _written: self._saved(path),
            cancellable=False,
        )
        self.operation.finished.connect(self._finished)

    def _finished(self) -> None:
        self.operation = None
        self.refresh_preview()  # the buttons as they should be now, whatever happened

    def _saved(self, path: Path) -> None:
        self._reload()  # kept with the offer now
        self.status.setText(f"Saved {path.name}.")
        offer_to_open(self, path, "Offer Letter")

    def regenerate(self) -> None:
        state = self._state
        if not (state.frozen and state.can_regenerate):
            return
        name = self.template.currentText()
        question = (
            f"Make the letter again from '{name}' with the offer as it is now? "
            "The letter printed before is replaced."
        )
        if not messages.confirm(self, "Regenerate Letter", question, "Regenerate"):
            return
        workbook, offer_id, key = self._workbook, self._offer_id, self.selected_template()
        done = run_operation(
            self,
            lambda: offer_letters.freeze_letter(workbook, offer_id, key, regenerate=True),
            changes=Change.OFFERS,
            failure_title="Letter Not Regenerated",
        )
        if done is None:
            return
        self._reload()
        self.status.setText("The letter was made again; save a PDF to print it.")

    def edit_templates(self) -> None:
        dialog = OfferTemplatesDialog(self._workbook, self)
        run_modal(dialog)
        self._fill_templates(self.selected_template())

    def _reload(self) -> None:
        self._state = offer_letters.letter_state(self._workbook, self._offer_id)
        self._fill_templates(self._state.template_key)


def _show_markdown(view: QTextBrowser, text: str) -> None:
    """Render ``text`` in ``view``, with room between paragraphs as the printed letter has.

    Qt makes each Markdown hard line break a paragraph of its own; a Unicode line
    separator instead keeps a paragraph's lines together, so the space goes
    between paragraphs only.
    """
    document = view.document()
    document.setMarkdown(text.replace("  \n", LINE_SEPARATOR), _MARKDOWN)
    spaced = QTextBlockFormat()
    block = document.begin()
    while block.isValid():
        cursor = QTextCursor(block)
        if cursor.currentTable() is None:  # table cells keep the table's own padding
            spaced.setBottomMargin(2 if block.textList() is not None else 8)
            cursor.mergeBlockFormat(spaced)
        block = block.next()
