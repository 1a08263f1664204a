package org.jilastik.io.zarr;

/** The same contract with a pyramid (the shape needs two more levels): s0 is what was written. */
class OmeZarrMultiscaleContractTest extends OmeZarrV04ContractTest {
    @Override
    OmeZarrOptions options() {
        return OmeZarrOptions.plain(2, true, Downsample.NEAREST);
    }
}
