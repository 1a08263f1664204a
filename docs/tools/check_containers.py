"""Reads jilastik's container outputs with zarr-python 2 / numcodecs / numpy and compares them with the HDF5
export of the same run (independent readers for every format jilastik writes).

Make the outputs first (big.h5/data: any 2-D uint8 image, e.g. blobs2d tiled 2 x 2 and cropped to 700 x 768):

    for f in hdf5 numpy n5 "compressed n5" "single-scale OME-Zarr" "multi-scale OME-Zarr" "multi-scale OME-Zarr 0.5"; do
      ./jilastik --headless --project=blobs2d_pc.ilp --export_source=Probabilities "--output_format=$f" \
          "--output_filename_format=out/$(echo "$f" | tr ' ' '_')/{nickname}" big.h5/data
    done
    for f in "multi-scale OME-Zarr" hdf5; do
      ./jilastik --headless --project=blobs2d_pc.ilp "--export_source=Simple Segmentation" "--output_format=$f" \
          "--output_filename_format=out/seg/{nickname}" big.h5/data
    done
    /usr/bin/python3 docs/tools/check_containers.py out
"""
import json, sys, os
import h5py, numpy as np, zarr, numcodecs

out = sys.argv[1]
h5 = h5py.File(f"{out}/hdf5/big-data.h5", "r")["exported_data"][:]            # yxc
tczyx = h5.transpose(2, 0, 1)[None, :, None]                                   # (1, c, 1, y, x)

def report(name, ok):
    print(f"{name}: {'OK' if ok else 'MISMATCH'}")
    return ok

ok = True
a = np.load(f"{out}/numpy/big-data.npy")
ok &= report(f"numpy {a.shape} {a.dtype} == hdf5", a.dtype == h5.dtype and np.array_equal(a, h5))
for d in ["n5", "compressed_n5"]:
    g = zarr.open(zarr.N5Store(f"{out}/{d}/big-data.n5"), mode="r")
    x = g["exported_data"]
    ok &= report(f"{d} via zarr.N5Store {x.shape} chunks {x.chunks} {x.compressor}", np.array_equal(x[:], h5))
for d in ["single-scale_OME-Zarr", "multi-scale_OME-Zarr"]:
    g = zarr.open_group(f"{out}/{d}/big-data.zarr", mode="r")
    ms = g.attrs["multiscales"][0]
    paths = [ds["path"] for ds in ms["datasets"]]
    s0 = g[paths[0]]
    ok &= report(f"{d} v{ms['version']} {paths} s0 {s0.shape} {s0.compressor}", np.array_equal(s0[:], tczyx))
    for k in range(1, len(paths)):
        prev = g[paths[k - 1]][:].astype(np.float64)
        lvl = g[paths[k]][:]
        h, w = lvl.shape[-2:]
        mean = prev[..., : 2 * h, : 2 * w].reshape(prev.shape[:3] + (h, 2, w, 2)).mean(axis=(4, 6))
        ok &= report(f"  {paths[k]} {lvl.shape} == 2x2 mean of {paths[k-1]}",
                     np.array_equal(lvl, mean.astype(lvl.dtype)))
# OME-NGFF 0.5 / Zarr v3: zarr-python 2.13 has no Zarr v3 reader; decode with json + numcodecs.Blosc
root = f"{out}/multi-scale_OME-Zarr_0.5/big-data.zarr"
grp = json.load(open(f"{root}/zarr.json"))
ms = grp["attributes"]["ome"]["multiscales"][0]
for ds in ms["datasets"]:
    meta = json.load(open(f"{root}/{ds['path']}/zarr.json"))
    shape, chunks = meta["shape"], meta["chunk_grid"]["configuration"]["chunk_shape"]
    arr = np.zeros(shape, dtype=meta["data_type"])
    blosc = numcodecs.Blosc()
    for dirpath, _, files in os.walk(f"{root}/{ds['path']}/c"):
        for fn in files:
            idx = [int(p) for p in os.path.relpath(os.path.join(dirpath, fn), f"{root}/{ds['path']}/c").split("/")]
            chunk = np.frombuffer(blosc.decode(open(os.path.join(dirpath, fn), "rb").read()), dtype="<" + np.dtype(meta["data_type"]).str[1:]).reshape(chunks)
            sl = tuple(slice(i * c, min((i + 1) * c, s)) for i, c, s in zip(idx, chunks, shape))
            arr[sl] = chunk[tuple(slice(0, s.stop - s.start) for s in sl)]
    if ds["path"] == "s0":
        ok &= report(f"OME-Zarr 0.5 s0 {arr.shape} (zarr.json + numcodecs.Blosc) == hdf5", np.array_equal(arr, tczyx))
    else:
        print(f"OME-Zarr 0.5 {ds['path']} {arr.shape} decoded, scale {ds['coordinateTransformations'][0]['scale']}")
seg = zarr.open_group(f"{out}/seg/big-data.zarr", mode="r")["s0"][:]
segh5 = h5py.File(f"{out}/seg/big-data.h5", "r")["exported_data"][:]
ok &= report(f"Simple Segmentation OME-Zarr s0 {seg.shape} {seg.dtype} == hdf5", np.array_equal(seg, segh5.transpose(2, 0, 1)[None, :, None]))
print("ALL OK" if ok else "SOME MISMATCH")
