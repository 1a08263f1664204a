package org.jilastik.io.image;

import java.util.List;
import org.jilastik.array.DType;

/** {@link VigraImageWriter} contract for ppm with 3 channel(s). */
class PpmContractTest extends VigraImageContract {
    @Override
    VigraImageFormat format() {
        return VigraImageFormat.PNM;
    }

    @Override
    String extension() {
        return "ppm";
    }

    @Override
    int channels() {
        return 3;
    }

    @Override
    protected List<DType> dtypes() {
        return List.of(DType.UINT8);
    }
}
