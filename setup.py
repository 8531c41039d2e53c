from configparser import ConfigParser
from pathlib import Path
import setuptools
from setuptools.command.build_py import build_py

cfg = ConfigParser(delimiters=['='])
cfg.read('settings.ini', encoding='utf-8')
cfg = cfg['DEFAULT']

licenses = {'apache2': 'Apache-2.0'}
statuses = ['1 - Planning', '2 - Pre-Alpha', '3 - Alpha', '4 - Beta', '5 - Production/Stable', '6 - Mature', '7 - Inactive']
py_versions = '3.10 3.11 3.12 3.13'.split()

lic = licenses[cfg['license']]
min_python = cfg['min_python']
reqs = lambda key: cfg.get(key, '').split()
extras = {k[:-len('_requirements')]: reqs(k) for k in cfg if k.endswith('_requirements')}   # every <extra>_requirements key
extras['all'] = sorted({r for v in extras.values() for r in v})

# Files a wheel carries in backshot_kit/shipped/, read there through importlib.resources (backshot_kit.paths): the
# shipped model and the notebooks a user runs. In git they live once, where the guide puts them; a checkout or an
# editable install reads them in place. The copy is the file as it is at build time.
SHIPPED = ['saved_models/unet1d_best.pth', 'nbs/tune.ipynb', 'nbs/dashboard.ipynb']

class BuildPyShipped(build_py):
    "build_py that also copies the SHIPPED files into the built package (not in editable mode: they are read in place)."
    def run(self):
        super().run()
        if getattr(self, 'editable_mode', False): return
        dest = Path(self.build_lib) / cfg['lib_path'] / 'shipped'
        self.mkpath(str(dest))
        for f in SHIPPED: self.copy_file(f, str(dest / Path(f).name))

setuptools.setup(
    cmdclass={'build_py': BuildPyShipped},
    name=cfg['lib_name'],
    license=lic,
    classifiers=['Development Status :: ' + statuses[int(cfg['status'])],
                 'Intended Audience :: ' + cfg['audience'],
                 'Natural Language :: ' + cfg['language'],
                 'Topic :: Multimedia :: Sound/Audio :: Analysis'] +
                ['Programming Language :: Python :: ' + o for o in py_versions[py_versions.index(min_python):]],
    url=cfg['git_url'],
    packages=setuptools.find_packages(include=['backshot_kit', 'backshot_kit.*']),
    include_package_data=True,
    install_requires=reqs('requirements'),
    extras_require=extras,
    python_requires='>=' + min_python,
    long_description=open('README.md', encoding='utf-8').read(),
    long_description_content_type='text/markdown',
    zip_safe=False,
    entry_points={'console_scripts': cfg.get('console_scripts', '').split(),
                  'nbdev': [f"{cfg['lib_path']}={cfg['lib_path']}._modidx:d"]},
    version=cfg['version'], author=cfg['author'], author_email=cfg['author_email'],
    description=cfg['description'], keywords=cfg['keywords'],
)
