"""Widgets of the main screen and the review screen."""
