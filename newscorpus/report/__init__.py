"""Report modules: tables, charts' data and generated sentences for one chapter each. They read
measures and data files; they never count anything themselves."""
