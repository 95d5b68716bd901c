"""Reading and writing other programs' files (LinkedIn exports, and later vCard, CSV and
iCalendar): pure parsing and planning, with no UI and no writes of their own."""
