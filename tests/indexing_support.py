"""A stand-in for wagtail.search.index in a module that indexes pages after a change: which pages it was asked
to index, in order."""


class IndexSpy:
    """Notes the pk of every page it is asked to index. Given the real `index`, it also writes the page (for a
    test that reads the stored search words afterwards); without, it writes nothing."""

    def __init__(self, index=None):
        self.index = index
        self.written = []

    def insert_or_update_object(self, page):
        self.written.append(page.pk)
        if self.index is not None:
            self.index.insert_or_update_object(page)
