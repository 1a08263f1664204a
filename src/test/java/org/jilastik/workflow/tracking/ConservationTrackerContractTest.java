package org.jilastik.workflow.tracking;

/** {@link ConservationTracker} with the flow solver under the {@link Tracker} contract. */
class ConservationTrackerContractTest extends TrackerContractTest {
    @Override
    Tracker tracker() {
        return new ConservationTracker();
    }
}
