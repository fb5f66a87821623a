package app.backbone.catalog.domain;

/** What kind of work an exercise is. */
public enum Category {
    STRENGTH,
    MOBILITY,
    STRETCH,
    SELF_MYOFASCIAL_RELEASE
}
