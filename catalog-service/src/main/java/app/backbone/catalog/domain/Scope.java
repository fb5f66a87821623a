package app.backbone.catalog.domain;

/** Who sees an exercise: every tenant (the global library) or only the tenant that made it. */
public enum Scope {
    GLOBAL,
    TENANT
}
