"""Read the graph back for people: lineage lookup and text, network, viewer, export, progress, responsibilities, HTTP."""
