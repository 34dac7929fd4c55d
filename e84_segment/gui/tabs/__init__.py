"""One module per tab of the dock: thin Python over its part of dock.ui, mixed into E84SegmentDock."""
