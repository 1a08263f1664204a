package org.jilastik.io.image;

import java.util.List;
import org.jilastik.array.DType;

/** {@link VigraImageWriter} contract for gif with 1 channel(s). */
class GifGreyContractTest extends VigraImageContract {
    @Override
    VigraImageFormat format() {
        return VigraImageFormat.GIF;
    }

    @Override
    String extension() {
        return "gif";
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
