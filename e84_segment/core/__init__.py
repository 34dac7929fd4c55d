"""Pure logic: no Qt widgets, no QgsProject. Tile grid, chips, masks, dataset layout."""
