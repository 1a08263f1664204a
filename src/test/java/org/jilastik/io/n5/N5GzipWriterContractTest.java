package org.jilastik.io.n5;

/** The same contract and layout checks for {@code compressed n5} (gzip level 1 blocks). */
class N5GzipWriterContractTest extends N5DatasetWriterContractTest {
    @Override
    boolean gzip() {
        return true;
    }
}
