package org.jilastik.io.image;

import java.util.List;
import org.jilastik.array.DType;

/** {@link VigraImageWriter} contract for bmp with 1 channel(s). */
class BmpGreyContractTest extends VigraImageContract {
    @Override
    VigraImageFormat format() {
        return VigraImageFormat.BMP;
    }

    @Override
    String extension() {
        return "bmp";
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
