package org.jilastik.io.image;

import java.util.List;
import org.jilastik.array.DType;

/** {@link VigraImageWriter} contract for pgm with 1 channel(s). */
class PgmContractTest extends VigraImageContract {
    @Override
    VigraImageFormat format() {
        return VigraImageFormat.PNM;
    }

    @Override
    String extension() {
        return "pgm";
    }

    @Override
    int channels() {
        return 1;
    }

    @Override
    protected List<DType> dtypes() {
        return List.of(DType.UINT8);
    }
}
