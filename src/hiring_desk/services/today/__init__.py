"""The Today view: what needs doing now (interviews, scorecards, offers, idle
candidates, late roles, retention, tasks), snoozes and dones, and dated tasks."""
