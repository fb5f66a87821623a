package app.backbone.localstack.bench;

/** Told when a load's measured period begins and when it ends (after its warm-up), e.g. to read CPU time. */
interface MeasuredPeriod {

    /** A period nobody follows. */
    MeasuredPeriod NONE = new MeasuredPeriod() {
        @Override
        public void began() {
        }

        @Override
        public void ended() {
        }
    };

    void began();

    void ended();
}
