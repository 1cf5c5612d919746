"""Small sample inputs shipped with helixnet (not the paper's data, which is ``helixnet.data``)."""
