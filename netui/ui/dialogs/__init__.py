"""Modal dialogs: each asks one thing and returns the answer with `dismiss()`.

Below the screens: a screen (or a workflow step in `netui.ui.actions`) opens a dialog and
awaits its answer; a dialog never opens a screen.
"""
