# Synthetic 3-D boundary-map multicut case (128 x 512 x 512, zyx) and a 3-D multicut project made from
# cells2d_mc_norf.ilp: the Input Data lane's axistags/shape are rewritten for zyx raw and zyxc probabilities.
import h5py, numpy as np, shutil, json
from scipy.spatial import cKDTree
from scipy.ndimage import gaussian_filter
rng = np.random.default_rng(5)
Z, Y, X = 128, 512, 512
pts = rng.uniform([0, 0, 0], [Z, Y, X], size=(2400, 3))
zz, yy, xx = np.meshgrid(np.arange(Z), np.arange(Y), np.arange(X), indexing='ij')
coords = np.stack([zz.ravel(), yy.ravel(), xx.ravel()], 1).astype(np.float32)
del zz, yy, xx
d, _ = cKDTree(pts).query(coords, k=2, workers=2)
gap = (d[:, 1] - d[:, 0]).reshape(Z, Y, X).astype(np.float32)
del d, coords
b = np.exp(-(gap / 1.5) ** 2)
b = gaussian_filter(b, 1.0) + rng.normal(0, 0.08, b.shape)
b = np.clip(b, 0, 1).astype(np.float32)
raw = np.clip(80 + 150 * b + rng.normal(0, 10, b.shape), 0, 255).astype(np.uint8)
with h5py.File('raw3d.h5', 'w') as f:
    f.create_dataset('data', data=raw, chunks=(32, 128, 128))
with h5py.File('boundaries3d.h5', 'w') as f:
    f.create_dataset('data', data=b[..., None], chunks=(32, 128, 128, 1))
shutil.copy('/work/shared/testdata/ilastik-ref/multicut-2d/cells2d_mc_norf.ilp', 'mc3d_norf.ilp')
def tags(keys):
    return json.dumps({"axes": [{"key": k, "typeFlags": 1 if k == 'c' else 2, "resolution": 0, "description": ""}
                                for k in keys]}, indent=2)
with h5py.File('mc3d_norf.ilp', 'r+') as f:
    lane = f['Input Data/infos/lane0000']
    for role, keys, shape, path in [('Raw Data', 'zyx', [Z, Y, X], 'raw3d.h5/data'),
                                    ('Probabilities', 'zyxc', [Z, Y, X, 1], 'boundaries3d.h5/data')]:
        g = lane[role]
        for name, val in [('axistags', tags(keys).encode()), ('filePath', path.encode())]:
            del g[name]
            g.create_dataset(name, data=val)
        del g['shape']
        g.create_dataset('shape', data=np.array(shape, dtype=np.int64))
    # the cached 2-D training-lane superpixels are not used by batch runs; drop them so nothing 2-D remains
    del f['DT Watershed/Superpixels/superpixels000']
print('ok', raw.shape, b.shape)
