package org.jilastik.io.image;

import java.util.List;
import org.jilastik.array.DType;

/** {@link VigraImageWriter} contract for png with 3 channel(s). */
class PngContractTest extends VigraImageContract {
    @Override
    VigraImageFormat format() {
        return VigraImageFormat.PNG;
    }

    @Override
    String extension() {
        return "png";
    }

    @Override
    int channels() {
        return 3;
    }

    @Override
    protected List<DType> dtypes() {
        return List.of(DType.UINT8,DType.UINT16);
    }
}
