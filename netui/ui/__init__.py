"""The full-screen app (Textual). The only package of netui that imports Textual."""
