package app.backbone.logging.domain.imports;

/** The app a history file was exported from. */
public enum ImportSource {
    STRONG, HEVY, BACKBONE
}
