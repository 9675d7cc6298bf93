"""Recording who changed what, inside the caller's transaction."""

from __future__ import annotations

import json
from typing import Any

from sqlmodel import Session

from hiring_desk.store.models import AuditEvent


def record(
    session: Session,
    action: str,
    entity: str,
    entity_id: int | None,
    detail: dict[str, Any] | None = None,
    actor: str = "",
) -> None:
    """Add an audit event. Never put candidate personal data in ``detail``."""
    session.add(
        AuditEvent(
            action=action,
            entity=entity,
            entity_id=entity_id,
            detail=json.dumps(detail or {}, ensure_ascii=False, default=str),
            actor=actor,
        )
    )
