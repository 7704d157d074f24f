"""Framing analysis of Arabic news: corpus, classifiers, statistics and RTL plots.

Examples
--------
>>> import toolkit
>>> toolkit.__version__
'0.1.0'
"""

__version__ = "0.1.0"
