"""An interactive HTML view of the knowledge graph, built on pyvis (vis-network).

``write_html(g, path)`` writes one self-contained page: the vis-network library that
pyvis bundles is inlined, so the page needs no network. The graph data travels as one
JSON document in a ``<script type="application/json">`` element and the page script
puts every name and sentence into the DOM with ``textContent``, so text from the
newspapers is always data, never markup.

Small graphs (up to ``PHYSICS_MAX_NODES``) are laid out by vis-network's physics in the
browser. Larger ones get positions computed here, with numpy alone (a Fruchterman-Reingold
layout started from pivot MDS, with a cell grid for near repulsion and an FFT over a
grid for far repulsion, O(n log n) a step) and physics switched off. Above ``max_nodes``
only the ``max_nodes`` highest-degree nodes are drawn and a banner says how many were
left out.
"""
from __future__ import annotations

import base64
import functools
import hashlib
import html
import importlib.util
import itertools
import math
import re
from pathlib import Path

import networkx as nx
import numpy as np
import orjson

from kg import gctune
from kg.atomic import write_atomic

PHYSICS_MAX_NODES = 300
MAX_NODES = 5000  # drawn at most: the best-connected ones of bigger graphs

FONT_STACK = '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif'

# colour + shape per node kind; the legend draws the same shape as the canvas
TYPE_STYLE: dict[str, dict[str, str]] = {
    "Person": {"color": "#e15759", "shape": "dot"},
    "Organization": {"color": "#4e79a7", "shape": "square"},
    "Place": {"color": "#59a14f", "shape": "triangle"},
    "Program": {"color": "#f28e2b", "shape": "diamond"},
    "Article": {"color": "#9c9c9c", "shape": "hexagon"},
}
OTHER_STYLE = {"color": "#b07aa1", "shape": "star"}

# colour + dash pattern per relation
EDGE_STYLE: dict[str, dict] = {
    "locatedIn": {"color": "#59a14f", "dashes": False, "width": 1.5},
    "runs": {"color": "#4e79a7", "dashes": [8, 4], "width": 1.5},
    "quotedIn": {"color": "#9c9c9c", "dashes": [2, 4], "width": 1.2},
    "holds": {"color": "#e15759", "dashes": False, "width": 2.5},
}
OTHER_EDGE_STYLE = {"color": "#b07aa1", "dashes": [10, 3, 2, 3], "width": 1.5}

ARTICLE_KIND = "Article"
_TOOLTIP_ARTICLES = 5
_LABEL_MAX = 16


# --------------------------------------------------------------------------- layout

def layout_positions(g: nx.Graph, *, seed: int = 7, iterations: int | None = None,
                     spacing: float = 90.0) -> dict:
    """Node -> (x, y) in vis-network pixels, for graphs too big for in-browser physics."""
    nodes = list(g.nodes)
    index = {v: i for i, v in enumerate(nodes)}
    xy = _layout(len(nodes), [(index[u], index[v]) for u, v in g.edges()], seed=seed,
                 iterations=iterations, spacing=spacing)
    return dict(zip(nodes, map(tuple, xy)))


# Force model, in layout units (one unit: the ideal edge length, ``spacing`` pixels)
_NEAR = 2.0           # repulsion is exact between nodes closer than this
_FAR_GRID = 64        # beyond, it comes from the cells of a grid this many cells wide
_GRAVITY = 0.8        # pull to the centre, per unit of distance; keeps components together
_PIVOTS = 20          # breadth-first searches for the starting layout of a component
_MDS_MIN_NODES = 20   # smaller components start as a random blob
_ITERATIONS = 20      # 40 made links 3-11 % shorter (as tests/test_viz.py measures) for twice the time
_START_TEMPERATURE = 2.0  # largest step of the first iteration; cools linearly to 0.02


def _layout(n: int, links, *, seed: int = 7, iterations: int | None = None,
            spacing: float = 90.0) -> list[list[float]]:
    """(x, y) in vis-network pixels for nodes 0..n-1 joined by links, pairs of node indices.

    Fruchterman-Reingold (spring attraction d^2 along edges, repulsion 1/d between all
    nodes, a linear pull to the centre) started close to where it settles: each connected
    component from pivot MDS (distances in hops, so linked nodes start near each other),
    spread at the density the forces give it, the largest in the middle and the others
    in a ring around it, where the forces would take them. From there 20 cooling steps
    untangle and even it out, where a random start needed 180. About 0.1 s for 5,000
    nodes and 6,000 edges (benchmarks/bench_html.py).
    """
    if n == 0:
        return []
    if n == 1:
        return [[0.0, 0.0]]
    eu, ev = _unique_links(n, links)
    rng = np.random.default_rng(seed)
    pos = _start_positions(n, eu, ev, rng)
    _relax(pos, eu, ev, iterations or _ITERATIONS)
    pos -= pos.mean(0)
    pos *= spacing
    return np.round(pos, 1).tolist()


def _unique_links(n: int, links) -> tuple[np.ndarray, np.ndarray]:
    """The links as two index arrays (u < v), each pair once, self-loops dropped."""
    pairs = np.array(list(links), dtype=np.int64).reshape(-1, 2)
    lo, hi = pairs.min(1), pairs.max(1)
    code = np.unique(lo[lo != hi] * n + hi[lo != hi])
    return code // n, code % n


# ---- starting positions

def _start_positions(n: int, eu: np.ndarray, ev: np.ndarray, rng) -> np.ndarray:
    """Every component laid out on its own, then packed: the largest in the middle, the
    others on a sunflower spiral in a ring around it, biggest first."""
    count, label = _components(n, eu, ev)
    sizes = np.bincount(label, minlength=count)
    order = np.argsort(-sizes, kind="stable")  # biggest first; ties by first node
    members = np.argsort(label, kind="stable")  # node indices grouped by component
    first = np.concatenate([[0], np.cumsum(sizes)])

    pos = np.zeros((n, 2))
    radius = _disc_radius(sizes)
    _scatter_small(pos, label, sizes, radius, rng)
    local = np.empty(n, dtype=np.int64)  # node -> its index within its component
    local[members] = np.arange(n) - np.repeat(first[:-1], sizes)
    for c in order[: np.count_nonzero(sizes >= _MDS_MIN_NODES)]:
        nodes = members[first[c]:first[c + 1]]
        inside = label[eu] == c
        adj = _adjacency(len(nodes), local[eu[inside]], local[ev[inside]])
        pos[nodes] = _mds_start(adj, radius[c], rng)
    centre = _pack_around(radius[order[0]], radius[order[1:]])
    pos[members] += np.repeat(np.concatenate([[(0.0, 0.0)], centre])[np.argsort(order)], sizes, axis=0)
    return pos


def _components(n: int, eu: np.ndarray, ev: np.ndarray) -> tuple[int, np.ndarray]:
    """(count, label of every node): the connected components, numbered in the order of
    their first node. Union-find, in Python: a few thousand links take a millisecond or two,
    less than importing scipy.sparse.csgraph would."""
    parent = list(range(n))

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for u, v in zip(eu.tolist(), ev.tolist()):
        ru, rv = root(u), root(v)
        if ru != rv:  # the smaller index becomes the root: a component's root is its first node
            parent[max(ru, rv)] = min(ru, rv)
    roots, label = np.unique([root(x) for x in range(n)], return_inverse=True)
    return len(roots), label


def _adjacency(m: int, eu: np.ndarray, ev: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(indptr, neighbours): the links among nodes 0..m-1, both ways, in compressed rows
    (the neighbours of node i are neighbours[indptr[i]:indptr[i + 1]])."""
    src, dst = np.concatenate([eu, ev]), np.concatenate([ev, eu])
    indptr = np.zeros(m + 1, dtype=np.int64)
    np.cumsum(np.bincount(src, minlength=m), out=indptr[1:])
    return indptr, dst[np.argsort(src, kind="stable")]


def _gather(indptr: np.ndarray, values: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """values[indptr[r]:indptr[r + 1]] for every r in rows, concatenated, without a Python loop."""
    count = indptr[rows + 1] - indptr[rows]
    return values[np.repeat(indptr[rows] - np.cumsum(count) + count, count) + np.arange(count.sum())]


def _hops(adj: tuple[np.ndarray, np.ndarray], source: int) -> np.ndarray:
    """Hop distance of every node from source (inf where unreachable): breadth-first, one
    frontier at a time."""
    indptr, neighbours = adj
    dist = np.full(len(indptr) - 1, np.inf)
    dist[source] = 0
    frontier, level = np.array([source]), 0
    while len(frontier):
        level += 1
        reached = _gather(indptr, neighbours, frontier)
        reached = reached[dist[reached] == np.inf]
        dist[reached] = level
        frontier = np.flatnonzero(dist == level)  # each once; cheaper than np.unique(reached)
    return dist


def _disc_radius(nodes: np.ndarray) -> np.ndarray:
    """Radius of the disc that the forces pack this many nodes into (measured on the
    5,000-node benchmark graphs: 4,400 nodes within about 60 units)."""
    return 0.75 * np.sqrt(nodes / _GRAVITY)


def _scatter_small(pos: np.ndarray, label: np.ndarray, sizes: np.ndarray, radius: np.ndarray,
                   rng) -> None:
    """Nodes of components too small for MDS at random in their component's disc around
    (0, 0), all at once: a real graph has hundreds of them, mostly pairs and single nodes."""
    small = np.flatnonzero(sizes[label] < _MDS_MIN_NODES)
    angle = rng.random(len(small)) * 2 * math.pi
    r = radius[label[small]] * np.sqrt(rng.random(len(small)))
    pos[small, 0] = r * np.cos(angle)
    pos[small, 1] = r * np.sin(angle)


def _mds_start(adj: tuple[np.ndarray, np.ndarray], radius: float, rng) -> np.ndarray:
    """Positions of the nodes of a component (its adjacency, see _adjacency) around (0, 0),
    within radius."""
    m = len(adj[0]) - 1
    xy = _pivot_mds(adj, min(_PIVOTS, m))
    xy -= np.median(xy, 0)
    # radii by rank onto a disc of even density: MDS throws long chains far out and
    # puts the leaves of one hub on one spot; a jitter of half a unit parts those
    r = np.sqrt((xy ** 2).sum(1))
    rank = np.empty(m)
    rank[np.argsort(r, kind="stable")] = np.arange(m)
    xy *= (radius * np.sqrt((rank + 0.5) / m) / np.maximum(r, 1e-9))[:, None]
    return xy + (rng.random((m, 2)) - 0.5)


def _pivot_mds(adj: tuple[np.ndarray, np.ndarray], pivots: int) -> np.ndarray:
    """2-D pivot MDS (Brandes & Pich) of a connected graph: hop distances from a few
    pivots, each the node farthest from those before, projected on their two main axes."""
    m = len(adj[0]) - 1
    dist = np.empty((pivots, m))
    nearest = np.full(m, np.inf)
    pivot = 0  # any start will do; the first node keeps the layout deterministic
    for k in range(pivots):
        dist[k] = _hops(adj, pivot)
        nearest = np.minimum(nearest, dist[k])
        pivot = int(np.argmax(nearest))
    sq = dist.T ** 2
    centred = -0.5 * (sq - sq.mean(0) - sq.mean(1)[:, None] + sq.mean())
    # einsum, not @: a tall matrix product starts OpenBLAS's threads, slow on a busy machine
    _, axes = np.linalg.eigh(np.einsum("ij,ik->jk", centred, centred))
    return np.einsum("ij,jk->ik", centred, axes[:, -2:])


def _pack_around(inner: float, radii: np.ndarray, gap: float = 1.0) -> np.ndarray:
    """Centres for discs of these radii (biggest first) in a ring outside a disc of radius
    inner: a sunflower spiral over an area as big as the discs need, so the ring is evenly
    full and the big ones are nearest the middle."""
    k = len(radii)
    if k == 0:
        return np.zeros((0, 2))
    area = np.pi * (radii + gap / 2) ** 2
    r_in = inner + gap
    r = np.sqrt(r_in ** 2 + (np.cumsum(area) - area / 2) / np.pi)
    angle = np.arange(k) * math.pi * (3 - math.sqrt(5))  # the golden angle
    return np.stack([r * np.cos(angle), r * np.sin(angle)], axis=1)


# ---- relaxation

def _relax(pos: np.ndarray, eu: np.ndarray, ev: np.ndarray, iterations: int) -> None:
    """Fruchterman-Reingold steps in place, each capped by a linearly cooling temperature."""
    for it in range(iterations):
        disp = _near_repulsion(pos) + _far_repulsion(pos) + _attraction(pos, eu, ev)
        disp -= _GRAVITY * (pos - pos.mean(0))
        t = _START_TEMPERATURE * (1 - it / iterations) + 0.02
        length = np.maximum(np.sqrt((disp ** 2).sum(1)), 1e-9)
        pos += disp * (np.minimum(length, t) / length)[:, None]


def _near_repulsion(pos: np.ndarray) -> np.ndarray:
    """1/d along the separation, exactly, for the pairs closer than _NEAR."""
    n = len(pos)
    disp = np.zeros_like(pos)
    i, j = _near_pairs(pos)
    if len(i):
        x, y = pos[:, 0], pos[:, 1]  # one coordinate at a time: gathers of rows are slower
        dx, dy = x[i] - x[j], y[i] - y[j]
        scale = 1 / np.maximum(dx * dx + dy * dy, 1e-4)
        for k, d in enumerate((dx * scale, dy * scale)):
            disp[:, k] = np.bincount(i, d, n) - np.bincount(j, d, n)
    return disp


def _near_pairs(pos: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(i, j): the pairs of nodes closer than _NEAR, each once. The nodes are sorted into
    square cells of side _NEAR and each node is checked against the nodes of its own cell
    and of four of the eight around it. Numpy only: scipy's k-d tree is a little faster a
    step, but importing scipy.spatial costs a build more than all the steps together."""
    cell = np.floor(pos / _NEAR).astype(np.int64)
    cell -= cell.min(0)
    width = int(cell[:, 1].max()) + 2  # a spare column: offset (+1, -1) from column 0 lands there
    key = cell[:, 0] * width + cell[:, 1]
    count = np.bincount(key, minlength=(int(cell[:, 0].max()) + 2) * width)  # and a spare row
    start = np.concatenate([[0], np.cumsum(count)])
    # from here on nodes are their places in cell order
    order = np.argsort(key, kind="stable")
    x, y = pos[order, 0], pos[order, 1]
    # own cell and cells (0, +1), (+1, -1), (+1, 0), (+1, +1): all of these come later in
    # cell order, so i < j keeps each pair once (and a node never meets itself)
    cells = (key[order][:, None] + [0, 1, width - 1, width, width + 1]).ravel()
    i = np.repeat(np.arange(len(pos)).repeat(5), count[cells])
    j = _gather(start, np.arange(len(pos)), cells)
    dx, dy = x[i] - x[j], y[i] - y[j]
    close = (i < j) & (dx * dx + dy * dy < _NEAR * _NEAR)
    return order[i[close]], order[j[close]]


def _far_repulsion(pos: np.ndarray) -> np.ndarray:
    """1/d from everything else, cell by cell: the nodes are counted into a grid of
    _FAR_GRID x _FAR_GRID cells and the push of every cell on every other one is one FFT
    convolution (O(g^2 log g) instead of a matrix of all pairs of occupied cells). Each
    node gets its cell's push; its own cell (inside _NEAR, mostly) pushes nothing."""
    g = _FAR_GRID
    lo = pos.min(0)
    size = max(float((pos.max(0) - lo).max()), 1e-9) / (g - 1e-6)
    cell = ((pos - lo) / size).astype(np.int64)
    cid = cell[:, 0] * g + cell[:, 1]
    mass = np.bincount(cid, minlength=g * g).reshape(g, g).astype(float)
    offset = np.fft.ifftshift(np.arange(-g, g)) * size  # cell offsets, in FFT order
    dx, dy = offset[:, None], offset[None, :]
    kernel = 1.0 / np.maximum(dx * dx + dy * dy, _NEAR * _NEAR)
    kernel[0, 0] = 0.0
    shape = (2 * g, 2 * g)  # zero padding: no wrap-around
    spectrum = np.fft.rfft2(mass, shape)
    fx = np.fft.irfft2(spectrum * np.fft.rfft2(dx * kernel), shape)[:g, :g]
    fy = np.fft.irfft2(spectrum * np.fft.rfft2(dy * kernel), shape)[:g, :g]
    return np.stack([fx.ravel()[cid], fy.ravel()[cid]], axis=1)


def _attraction(pos: np.ndarray, eu: np.ndarray, ev: np.ndarray) -> np.ndarray:
    """d^2 along every link, pulling both ends together."""
    n = len(pos)
    disp = np.zeros_like(pos)
    if len(eu):
        delta = pos[eu] - pos[ev]
        f = delta * np.sqrt((delta ** 2).sum(1))[:, None]
        for k in (0, 1):
            disp[:, k] = np.bincount(ev, f[:, k], n) - np.bincount(eu, f[:, k], n)
    return disp


# --------------------------------------------------------------------------- data

def _style(kind: str) -> dict[str, str]:
    return TYPE_STYLE.get(kind, OTHER_STYLE)


def _edge_style(predicate: str) -> dict:
    return EDGE_STYLE.get(predicate, OTHER_EDGE_STYLE)


def _short(text: str, limit: int = _LABEL_MAX) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def _node_kind(d: dict) -> str:
    """The filter/legend category of a node: its entity type, or Article."""
    if d.get("node") == "article":
        return ARTICLE_KIND
    return str(d.get("type") or "Entity")


def _article_id(node_id: str) -> str:
    return node_id[len("article:"):] if node_id.startswith("article:") else node_id


def _article_label(aid: str, d: dict) -> str:
    title = str(d.get("title") or "")
    return _short(title) if title else f"[photo] {aid}"


def _degrees(g: nx.MultiDiGraph) -> dict:
    """Node -> g.degree(node) for every node, from the adjacency dicts in one pass:
    networkx's degree and edge views cost microseconds a node or edge, which adds up
    on graphs of 100,000 nodes. A self-loop counts twice, as in networkx."""
    degree = dict.fromkeys(g, 0)
    for u, nbrs in g.adjacency():
        for v, keydict in nbrs.items():
            degree[u] += len(keydict)
            degree[v] += len(keydict)
    return degree


def _select_nodes(g: nx.MultiDiGraph, max_nodes: int) -> list:
    """The nodes to draw: all of them, or the max_nodes of highest degree (ties by id)."""
    if g.number_of_nodes() <= max_nodes:
        return list(g.nodes)
    if max_nodes <= 0:
        return []
    degree = _degrees(g)
    # only nodes at least as connected as the max_nodes-th need sorting by id
    cutoff = sorted(degree.values(), reverse=True)[max_nodes - 1]
    candidates = [v for v, k in degree.items() if k >= cutoff]
    return sorted(candidates, key=lambda v: (-degree[v], str(v)))[:max_nodes]


def _drawn_edges(g: nx.MultiDiGraph, index: dict) -> tuple[list[tuple], int]:
    """(number, u, v, key, data) of the edges between nodes in index, numbered as
    g.edges(keys=True) lists them, and the number of edges in g. The out-edges of a
    node not drawn are counted, not visited."""
    found = []
    number = 0
    for u, nbrs in g.adjacency():
        if u not in index:
            number += sum(map(len, nbrs.values()))
            continue
        for v, keydict in nbrs.items():
            if v in index:
                found.extend((number + j, u, v, key, d) for j, (key, d) in enumerate(keydict.items()))
            number += len(keydict)
    return found, number


def _tooltip(kind: str, label: str, aliases: list[str], article_ids: list[str],
             articles: dict[str, dict]) -> str:
    """Plain text; vis-network puts a string title into the tooltip with innerText."""
    lines = [label, "Type: " + kind]
    if aliases:
        lines.append("Aliases: " + ", ".join(aliases))
    if article_ids:
        lines.append(f"Articles ({len(article_ids)}):")
        lines += map(_tooltip_line, article_ids[:_TOOLTIP_ARTICLES], itertools.repeat(articles))
        if len(article_ids) > _TOOLTIP_ARTICLES:
            lines.append(f"  \u2026 and {len(article_ids) - _TOOLTIP_ARTICLES} more")
    return "\n".join(lines)


def _tooltip_line(aid: str, articles: dict[str, dict]) -> str:
    """One article in a node's tooltip: its title, shortened, and its page."""
    a = articles.get(aid, {})
    return "  " + _short(a.get("title") or "[photo]", 28) + f"  ({a.get('source') or aid})"


def _article_table(nodes) -> dict[str, dict]:
    """Article id -> what the panel shows of it, for every article node of `nodes` ((id, attrs)
    pairs), drawn or not."""
    articles: dict[str, dict] = {}
    for v, d in nodes:
        if d.get("node") == "article":
            articles[_article_id(str(v))] = {
                "node": str(v), "title": str(d.get("title") or ""), "kind": str(d.get("kind") or ""),
                "source": str(d.get("source") or ""), "date": d.get("date") or "",
                "reporters": [str(x) for x in d.get("reporters") or []],
                "photographers": [str(x) for x in d.get("photographers") or []],
            }
    return articles


def _node_data(nid: str, d: dict, articles: dict[str, dict]) -> tuple[str, str, float, dict]:
    """(label, tooltip, size, panel info) of one node."""
    kind = _node_kind(d)
    if kind == ARTICLE_KIND:
        aid = _article_id(nid)
        label = _article_label(aid, d)
        a = articles.get(aid, {})
        tip = "\n".join(x for x in (
            str(d.get("title") or "[photo caption]"), "Type: Article",
            f"Source: {a.get('source', '')}", f"Date: {a['date']}" if a.get("date") else "") if x)
        return label, tip, 10.0, {"label": label, "kind": kind, "article": aid}
    label = str(d.get("label") or nid)
    aliases = list(map(str, d.get("aliases") or ()))
    arts = list(map(str, d.get("articles") or ()))
    tip = _tooltip(kind, label, aliases, arts, articles)
    size = round(min(10.0 + 5.0 * math.sqrt(len(arts)), 45.0), 1)
    return label, tip, size, {"label": label, "kind": kind, "aliases": aliases, "articles": arts,
                              "code": str(d.get("code") or ""), "gazetteer": bool(d.get("gazetteer"))}


def _vis_node(nid: str, label: str, kind: str, size: float, tip: str, xy) -> dict:
    """The vis-network node, with the keys in the order pyvis's add_node gives them."""
    style = _style(kind)
    node = {"color": style["color"], "size": size, "title": tip}
    if xy is not None:
        node["x"], node["y"] = xy
    node.update(id=nid, label=label or nid, shape=style["shape"])
    return node


def _edge_data(d: dict, key) -> tuple[str, str, str, dict]:
    """(predicate, label, tooltip, panel info without its id) of one edge."""
    predicate = str(d.get("predicate") or key)
    role = str(d.get("title") or "")
    evidence = list(map(str, d.get("evidence") or ()))
    arts = list(map(str, d.get("articles") or ()))
    # (sentence, article) pairs; sentences known without their article come last
    support = [[str(s), str(a or "")] for s, a in d.get("support") or () if s]
    if evidence:  # a set: an edge of a big place can have hundreds of sentences
        known = {s for s, _ in support}
        support += [[s, ""] for s in evidence if s not in known]
    label = f"{predicate}: {role}" if role else predicate
    tip = label + ("\n" + _short(evidence[0], 60) if evidence else "")
    return predicate, label, tip, {"predicate": predicate, "title": role, "articles": arts, "support": support}


def _vis_edge(eid: str, u: str, v: str, predicate: str, label: str, tip: str) -> dict:
    """The vis-network edge, with the keys in the order pyvis's add_edge gives them (directed)."""
    style = _edge_style(predicate)
    return {"id": eid, "label": label, "title": tip, "color": style["color"], "dashes": style["dashes"],
            "width": style["width"], "from": u, "to": v, "arrows": "to"}


def _build(g: nx.MultiDiGraph, *, max_nodes: int, title: str, articles: dict | None = None,
           totals: tuple[int, int] | None = None) -> dict:
    """Everything the page script reads: vis-network nodes, edges and options, and the
    side data of the panels and filters.

    The node and edge dicts are the ones pyvis's add_node/add_edge would make, built
    here directly: pyvis checks every new edge against a list of all node ids, which
    is quadratic.

    g may be a part of a bigger graph (kg.merge.CorpusGraph.view): then `articles` holds the
    attributes of all its article nodes, by node id, and `totals` its numbers of nodes and edges."""
    articles = _article_table(g.nodes(data=True) if articles is None else articles.items())
    keep = _select_nodes(g, max_nodes)
    index = {v: i for i, v in enumerate(keep)}
    physics = 0 < len(keep) <= PHYSICS_MAX_NODES

    relations: dict[str, int] = {}
    edges: list[dict] = []
    edge_info: dict[str, dict] = {}
    links: list[tuple[int, int]] = []  # drawn edges as (index, index), for the layout
    drawn, edges_total = _drawn_edges(g, index)
    for number, u, v, key, d in drawn:
        predicate, label, tip, item = _edge_data(d, key)
        relations[predicate] = relations.get(predicate, 0) + 1
        eid = f"e{number}"
        edge_info[eid] = item
        edges.append(_vis_edge(eid, str(u), str(v), predicate, label, tip))
        links.append((index[u], index[v]))

    positions = None if physics else _layout(len(keep), links)
    nodes: list[dict] = []
    info: dict[str, dict] = {}
    kinds: dict[str, int] = {}
    for i, v in enumerate(keep):
        d = g.nodes[v]
        nid = str(v)
        label, tip, size, item = _node_data(nid, d, articles)
        kinds[item["kind"]] = kinds.get(item["kind"], 0) + 1
        info[nid] = item
        nodes.append(_vis_node(nid, label, item["kind"], size, tip, None if positions is None else positions[i]))

    total = g.number_of_nodes()
    if totals is not None:
        total, edges_total = totals
    meta = {"title": title, "total": total, "shown": len(keep), "omitted": total - len(keep),
            "maxNodes": max_nodes, "physics": physics, "edgesTotal": edges_total,
            "edgesShown": len(edge_info)}
    return {"nodes": nodes, "edges": edges, "options": _options(physics), "meta": meta, "info": info,
            "edgeInfo": edge_info, "articles": articles, "legend": _legend(kinds, relations)}


def _legend(kinds: dict[str, int], relations: dict[str, int]) -> dict:
    """Node kinds and relations drawn, with counts: the known ones in style order, then the rest by name."""
    def order(name, styles):
        return (name not in styles, list(styles).index(name) if name in styles else 0, name)

    return {"nodes": [{"kind": k, "count": kinds[k], **_style(k)}
                      for k in sorted(kinds, key=lambda k: order(k, TYPE_STYLE))],
            "edges": [{"predicate": p, "count": relations[p], **_edge_style(p)}
                      for p in sorted(relations, key=lambda p: order(p, EDGE_STYLE))]}


def _options(physics: bool) -> dict:
    font = {"face": FONT_STACK, "size": 14, "color": "#222222",
            "strokeWidth": 3, "strokeColor": "#ffffff"}
    opts: dict = {
        # vis-network hides labels drawn smaller than drawThreshold pixels; the default (5) hides
        # every label once a page of 200 nodes is fitted to the screen.
        "nodes": {"font": font, "borderWidth": 1,
                  "scaling": {"label": {"enabled": False, "drawThreshold": 1, "maxVisible": 40}}},
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "font": {"face": FONT_STACK, "size": 11, "color": "#555555", "align": "middle",
                     "strokeWidth": 3, "strokeColor": "#ffffff"},
            "smooth": {"enabled": True, "type": "dynamic"} if physics else False,
            "selectionWidth": 2,
        },
        "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": False,
                        "keyboard": False, "multiselect": False},
    }
    if physics:
        opts["layout"] = {"randomSeed": 7}
        opts["physics"] = {
            "enabled": True, "solver": "barnesHut",
            "barnesHut": {"gravitationalConstant": -6000, "springLength": 120,
                          "springConstant": 0.04, "avoidOverlap": 0.2},
            "stabilization": {"enabled": True, "iterations": 400, "fit": True},
        }
    else:
        opts["layout"] = {"improvedLayout": False}
        opts["physics"] = {"enabled": False}
        opts["interaction"].update({"hideEdgesOnDrag": True, "hideEdgesOnZoom": True})
    return opts


# --------------------------------------------------------------------------- page

def _json_for_script(obj) -> bytes:
    """UTF-8 JSON that is safe inside a <script> element: no '<', '>', '&', U+2028, U+2029.
    orjson, not json: the same text (compact, non-ASCII as is) from 12 MB of page data
    in a sixth of the time."""
    return (orjson.dumps(obj).replace(b"<", b"\\u003c").replace(b">", b"\\u003e")
            .replace(b"&", b"\\u0026").replace("\u2028".encode(), b"\\u2028")
            .replace("\u2029".encode(), b"\\u2029"))


@functools.cache
def _vis_assets() -> tuple[str, str]:
    """vis-network's script and style as pyvis bundles them, made safe to inline (read once).
    The files are found, not imported: importing pyvis (IPython, jsonpickle, jinja2) takes
    longer than writing the page."""
    lib = Path(importlib.util.find_spec("pyvis").origin).parent / "templates" / "lib" / "vis-9.1.2"
    js = (lib / "vis-network.min.js").read_text(encoding="utf-8")
    css = (lib / "vis-network.css").read_text(encoding="utf-8")
    # inlined code must not end its element early
    js = js.replace("</script", "<\\/script").replace("<!--", "<\\!--")
    js = re.sub(r"//# sourceMappingURL=\S*\s*$", "", js)
    css = css.replace("</style", "<\\/style")
    return js, css


@functools.cache
def _page_parts() -> tuple[bytes | str, ...]:
    """_TEMPLATE as UTF-8 with everything but the title and the graph data filled in (made
    once): pieces of page, with the names of those two slots between them."""
    js, css = _vis_assets()
    fixed = {"kg_vis_js": js, "kg_vis_css": css, "kg_font": FONT_STACK, "kg_app": _APP_JS,
             "kg_script_hashes": f"{_csp_hash(js)} {_csp_hash(_APP_JS)}"}
    pieces = re.split(r"\{\{ (\w+) \}\}", _TEMPLATE)  # text, slot, text, slot, ..., text
    parts: list[bytes | str] = []
    for k, piece in enumerate(pieces):
        if k % 2 and piece not in fixed:
            parts.append(piece)  # kg_title or kg_data: filled per page
        else:
            parts.append((fixed[piece] if k % 2 else piece).encode("utf-8"))
    return tuple(parts)


@functools.cache
def _csp_hash(script: str) -> str:
    """The Content-Security-Policy source that allows exactly this inline script."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode() + "'"


def render_html(g: nx.MultiDiGraph, *, max_nodes: int = MAX_NODES, title: str = "kg",
                articles: dict | None = None, totals: tuple[int, int] | None = None) -> str:
    """The page as a string (see write_html)."""
    return _page(g, max_nodes=max_nodes, title=title, articles=articles, totals=totals).decode("utf-8")


def write_html(g: nx.MultiDiGraph, path: str | Path, *, max_nodes: int = MAX_NODES, title: str = "kg",
               articles: dict | None = None, totals: tuple[int, int] | None = None) -> None:
    """Write an interactive, self-contained HTML view of ``g`` to ``path`` (UTF-8, atomically);
    for articles and totals see _build."""
    write_atomic(path, _page(g, max_nodes=max_nodes, title=title, articles=articles, totals=totals))


def _page(g: nx.MultiDiGraph, *, max_nodes: int, title: str, articles: dict | None,
          totals: tuple[int, int] | None) -> bytes:
    """The page in UTF-8: the template's pieces joined around the title and the data, which
    stays bytes from the encoder to the file."""
    # Building the page makes hundreds of thousands of small lists and dicts (none cyclic);
    # each batch of them would otherwise start a collection that walks the whole graph, a
    # third of the time on 60,000 nodes.
    with gctune.paused():
        data = _build(g, max_nodes=max_nodes, title=title, articles=articles, totals=totals)
        slots = {"kg_title": html.escape(title).encode("utf-8"), "kg_data": _json_for_script(data)}
        # freed now by reference counting; alive when the collector comes back on, its
        # half a million objects would be one long first collection
        del data
    return b"".join(slots[p] if isinstance(p, str) else p for p in _page_parts())


# The page. _page fills in the slots: kg_title and kg_data per page, the rest once
# (_page_parts); everything from the graph arrives through kg_data (escaped JSON) and is
# put into the DOM by _APP_JS as text. It is kg's own page, not pyvis's template (which
# links vis-network from a CDN); the node and edge objects are the ones pyvis makes.
_TEMPLATE = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src {{ kg_script_hashes }}; style-src 'unsafe-inline'; img-src data:; font-src data:">
<title>{{ kg_title }}</title>
<style>{{ kg_vis_css }}</style>
<style>
html, body { margin: 0; height: 100%; }
body { font-family: {{ kg_font }}; font-size: 14px; color: #222; display: flex; flex-direction: column; }
button { font: inherit; cursor: pointer; }
#kg-top { display: flex; align-items: center; gap: 12px; padding: 6px 12px; border-bottom: 1px solid #ddd; background: #fafafa; flex-wrap: wrap; }
#kg-top h1 { font-size: 17px; margin: 0 8px 0 0; }
#kg-search-form { display: flex; gap: 4px; }
#kg-search { width: 260px; font: inherit; padding: 3px 6px; }
#kg-matches { display: flex; gap: 4px; flex-wrap: wrap; max-width: 50vw; }
#kg-matches button { font-size: 12px; padding: 1px 6px; border: 1px solid #ccc; background: #fff; border-radius: 10px; }
#kg-matches .none { color: #a33; }
#kg-stats { margin-left: auto; color: #666; font-size: 12px; }
#kg-banner { padding: 6px 12px; background: #fff4ce; border-bottom: 1px solid #e6d48a; font-size: 13px; }
#kg-main { flex: 1; display: flex; min-height: 0; }
#kg-side { width: 230px; overflow-y: auto; border-right: 1px solid #ddd; padding: 8px 10px; box-sizing: border-box; background: #fcfcfc; }
#kg-side h2, #kg-panel h3 { font-size: 13px; margin: 12px 0 4px; color: #555; text-transform: uppercase; letter-spacing: .04em; }
#kg-side label { display: flex; align-items: center; gap: 6px; margin: 3px 0; }
#kg-side .count { color: #888; font-size: 12px; margin-left: auto; }
#kg-side .note { color: #777; font-size: 12px; }
#kg-network { flex: 1; position: relative; min-width: 0; }
#kg-panel { width: 340px; overflow-y: auto; border-left: 1px solid #ddd; padding: 8px 12px; box-sizing: border-box; }
#kg-panel h2 { font-size: 19px; margin: 6px 0; word-break: break-all; }
#kg-panel .kind { display: inline-flex; align-items: center; gap: 6px; color: #555; }
#kg-panel dl { margin: 6px 0; display: grid; grid-template-columns: auto 1fr; gap: 2px 8px; }
#kg-panel dt { color: #777; }
#kg-panel dd { margin: 0; word-break: break-all; }
#kg-panel ul { padding-left: 18px; margin: 4px 0; }
#kg-panel li { margin: 4px 0; }
#kg-panel .src { color: #777; font-size: 12px; display: block; }
#kg-panel blockquote { margin: 6px 0; padding: 4px 8px; border-left: 3px solid #ccc; background: #f7f7f7; }
#kg-panel .link { border: none; background: none; color: #1a5fb4; padding: 0; text-align: left; }
#kg-panel .link:hover { text-decoration: underline; }
#kg-panel .hint { color: #777; }
div.vis-tooltip { font-family: {{ kg_font }}; white-space: pre-wrap; max-width: 420px; }
</style>
</head>
<body>
<header id="kg-top">
  <h1 id="kg-title">{{ kg_title }}</h1>
  <form id="kg-search-form" role="search" autocomplete="off">
    <input id="kg-search" type="search" list="kg-names" placeholder="Search a name or alias / 搜索名称或别名" aria-label="Search a name or alias">
    <button type="submit">Find</button>
  </form>
  <div id="kg-matches" aria-live="polite"></div>
  <span id="kg-stats"></span>
</header>
<div id="kg-banner" role="status" hidden></div>
<div id="kg-main">
  <aside id="kg-side">
    <h2>Node types</h2>
    <div id="kg-type-filters"></div>
    <p class="note">Node size: number of articles that mention it.</p>
    <h2>Relations</h2>
    <div id="kg-rel-filters"></div>
    <h2>View</h2>
    <label><input type="checkbox" id="kg-neighbours"> Only neighbours of the selected node</label>
    <p><button type="button" id="kg-reset">Reset view</button></p>
  </aside>
  <div id="kg-network"></div>
  <aside id="kg-panel" aria-live="polite"><p class="hint">Click a node or an edge to see its details.</p></aside>
</div>
<datalist id="kg-names"></datalist>
<script type="application/json" id="kg-data">{{ kg_data }}</script>
<script>{{ kg_vis_js }}</script>
<script>{{ kg_app }}</script>
</body>
</html>
"""

_APP_JS = r"""
(function () {
  "use strict";
  var D = JSON.parse(document.getElementById("kg-data").textContent);
  var info = D.info, edgeInfo = D.edgeInfo, articles = D.articles, meta = D.meta;
  var SVGNS = "http://www.w3.org/2000/svg";
  var api = window.kgView = { ready: false, data: D };

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function norm(s) { return String(s || "").normalize("NFKC").toLowerCase().replace(/\s+/g, ""); }
  function fmt(n) { return Number(n).toLocaleString("en-US"); }

  // ---- data
  var nodes = new vis.DataSet(D.nodes);
  var edges = new vis.DataSet(D.edges);
  var typeOn = {}, relOn = {}, styleOf = {};
  D.legend.nodes.forEach(function (n) { typeOn[n.kind] = true; styleOf[n.kind] = n; });
  D.legend.edges.forEach(function (e) { relOn[e.predicate] = true; });
  var adj = {};
  D.edges.forEach(function (e) {
    (adj[e.from] = adj[e.from] || []).push(e.id);
    if (e.to !== e.from) (adj[e.to] = adj[e.to] || []).push(e.id);
  });
  var keys = {};
  Object.keys(info).forEach(function (id) {
    var i = info[id], k = [norm(i.label)];
    (i.aliases || []).forEach(function (a) { k.push(norm(a)); });
    if (i.article && articles[i.article]) k.push(norm(articles[i.article].title));
    keys[id] = k;
  });
  var names = document.getElementById("kg-names"), seen = {};
  Object.keys(info).forEach(function (id) {
    var i = info[id];
    if (i.kind === "Article") return;
    [i.label].concat(i.aliases || []).forEach(function (n) {
      if (!n || seen[n]) return;
      seen[n] = true;
      var o = document.createElement("option");
      o.value = n;
      names.appendChild(o);
    });
  });

  // ---- filters
  var neighboursOnly = false, selected = null, focusSet = null;
  function computeFocus() {
    focusSet = null;
    if (!neighboursOnly || selected === null || !info[selected]) return;
    focusSet = {};
    focusSet[selected] = true;
    (adj[selected] || []).forEach(function (eid) {
      var e = edges.get(eid);
      if (relOn[edgeInfo[eid].predicate]) { focusSet[e.from] = true; focusSet[e.to] = true; }
    });
  }
  function nodeVisible(id) {
    var i = info[id];
    if (!i) return false;
    if (id === selected && focusSet) return true;
    if (!typeOn[i.kind]) return false;
    return focusSet ? !!focusSet[id] : true;
  }
  var nodeView = new vis.DataView(nodes, { filter: function (n) { return nodeVisible(n.id); } });
  var edgeView = new vis.DataView(edges, { filter: function (e) {
    return !!relOn[edgeInfo[e.id].predicate] && nodeVisible(e.from) && nodeVisible(e.to);
  } });

  // ---- network
  var container = document.getElementById("kg-network");
  var network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, D.options);
  api.network = network; api.nodes = nodes; api.edges = edges;
  api.drawnNodeCount = function () { return network.body.nodeIndices.length; };
  api.drawnEdgeCount = function () { return network.body.edgeIndices.length; };

  function refresh() {
    computeFocus();
    nodeView.refresh();
    edgeView.refresh();
    if (selected !== null && nodeVisible(selected)) network.selectNodes([selected]);
    updateStats();
  }
  function updateStats() {
    var s = fmt(nodeView.length) + " of " + fmt(meta.total) + " nodes, " +
      fmt(edgeView.length) + " of " + fmt(meta.edgesTotal) + " edges shown";
    document.getElementById("kg-stats").textContent = s;
  }

  // ---- legend + filters
  function shapeIcon(shape, color) {
    var svg = document.createElementNS(SVGNS, "svg");
    svg.setAttribute("width", "16"); svg.setAttribute("height", "16"); svg.setAttribute("viewBox", "0 0 16 16");
    var p;
    if (shape === "dot") { p = document.createElementNS(SVGNS, "circle"); p.setAttribute("cx", "8"); p.setAttribute("cy", "8"); p.setAttribute("r", "6"); }
    else if (shape === "square") { p = document.createElementNS(SVGNS, "rect"); p.setAttribute("x", "2"); p.setAttribute("y", "2"); p.setAttribute("width", "12"); p.setAttribute("height", "12"); }
    else {
      var pts = { triangle: "8,1 15,14 1,14", diamond: "8,1 15,8 8,15 1,8",
                  hexagon: "4,2 12,2 15,8 12,14 4,14 1,8",
                  star: "8,1 10,6 15,6 11,9 13,15 8,11 3,15 5,9 1,6 6,6" }[shape] || "2,2 14,2 14,14 2,14";
      p = document.createElementNS(SVGNS, "polygon"); p.setAttribute("points", pts);
    }
    p.setAttribute("fill", color); p.setAttribute("stroke", "#555"); p.setAttribute("stroke-width", "0.6");
    svg.appendChild(p);
    return svg;
  }
  function lineIcon(style) {
    var svg = document.createElementNS(SVGNS, "svg");
    svg.setAttribute("width", "34"); svg.setAttribute("height", "10");
    var l = document.createElementNS(SVGNS, "line");
    l.setAttribute("x1", "1"); l.setAttribute("y1", "5"); l.setAttribute("x2", "33"); l.setAttribute("y2", "5");
    l.setAttribute("stroke", style.color); l.setAttribute("stroke-width", String(style.width + 0.5));
    if (style.dashes && style.dashes.length) l.setAttribute("stroke-dasharray", style.dashes.join(" "));
    svg.appendChild(l);
    return svg;
  }
  function filterRow(parent, icon, name, count, on, onChange, testId) {
    var label = el("label");
    var box = el("input");
    box.type = "checkbox"; box.checked = on; box.setAttribute("data-filter", testId);
    box.addEventListener("change", function () { onChange(box.checked); });
    label.appendChild(box); label.appendChild(icon); label.appendChild(el("span", null, name));
    label.appendChild(el("span", "count", fmt(count)));
    parent.appendChild(label);
    return box;
  }
  var typeBoxes = {};
  var tf = document.getElementById("kg-type-filters");
  D.legend.nodes.forEach(function (n) {
    typeBoxes[n.kind] = filterRow(tf, shapeIcon(n.shape, n.color), n.kind, n.count, true,
      function (v) { typeOn[n.kind] = v; refresh(); }, "type:" + n.kind);
  });
  var rf = document.getElementById("kg-rel-filters");
  D.legend.edges.forEach(function (e) {
    filterRow(rf, lineIcon(e), e.predicate, e.count, true,
      function (v) { relOn[e.predicate] = v; refresh(); }, "rel:" + e.predicate);
  });
  document.getElementById("kg-neighbours").addEventListener("change", function (ev) {
    neighboursOnly = ev.target.checked; refresh();
  });
  document.getElementById("kg-reset").addEventListener("click", function () {
    Object.keys(typeOn).forEach(function (k) { typeOn[k] = true; });
    Object.keys(relOn).forEach(function (k) { relOn[k] = true; });
    document.querySelectorAll("#kg-side input[type=checkbox]").forEach(function (b) { b.checked = b.id !== "kg-neighbours"; });
    neighboursOnly = false; selected = null;
    network.unselectAll(); refresh(); network.fit({ animation: false }); clearPanel();
  });

  if (meta.omitted > 0) {
    var banner = document.getElementById("kg-banner");
    banner.textContent = "Large graph: showing the " + fmt(meta.shown) + " most connected of " + fmt(meta.total) +
      " nodes; " + fmt(meta.omitted) + " nodes with fewer links are left out of this page. " +
      "To see them, narrow the view: build the graph from fewer pages (one issue or one district), " +
      "or write it with a larger max_nodes (now " + fmt(meta.maxNodes) + ").";
    banner.hidden = false;
  }

  // ---- panel
  var panel = document.getElementById("kg-panel");
  function clearPanel() {
    panel.textContent = "";
    panel.appendChild(el("p", "hint", "Click a node or an edge to see its details."));
  }
  function kindLine(kind) {
    var p = el("p", "kind"), s = styleOf[kind] || { shape: "star", color: "#b07aa1" };
    p.appendChild(shapeIcon(s.shape, s.color)); p.appendChild(el("span", null, kind));
    return p;
  }
  function linkButton(text, fn) {
    var b = el("button", "link", text); b.type = "button";
    b.addEventListener("click", fn);
    return b;
  }
  function nodeLink(id) {
    var i = info[id];
    return linkButton(i ? i.label : String(id), function () { selectNode(id, true); });
  }
  function articleItem(aid) {
    var li = el("li"), a = articles[aid];
    if (!a) { li.appendChild(el("span", null, aid)); return li; }
    var head = a.title || "[photo caption]";
    if (info[a.node]) li.appendChild(linkButton(head, function () { selectNode(a.node, true); }));
    else li.appendChild(el("strong", null, head));
    li.appendChild(el("span", "src", a.source + (a.date ? " \u00b7 " + a.date : "")));
    return li;
  }
  function dl(rows) {
    var d = el("dl");
    rows.forEach(function (r) {
      if (r[1] === undefined || r[1] === null || r[1] === "" || (Array.isArray(r[1]) && !r[1].length)) return;
      d.appendChild(el("dt", null, r[0]));
      d.appendChild(el("dd", null, Array.isArray(r[1]) ? r[1].join("\u3001") : r[1]));
    });
    return d;
  }
  var LIST_MAX = 200;
  function section(title, items, empty, total) {
    var frag = document.createDocumentFragment();
    frag.appendChild(el("h3", null, title));
    if (!items.length) { frag.appendChild(el("p", "hint", empty)); return frag; }
    var ul = el("ul");
    items.forEach(function (x) { ul.appendChild(x); });
    frag.appendChild(ul);
    if (total > items.length) frag.appendChild(el("p", "hint", "\u2026 and " + fmt(total - items.length) + " more"));
    return frag;
  }
  function relationItems(id) {
    return (adj[id] || []).slice(0, LIST_MAX).map(function (eid) {
      var e = edges.get(eid), ei = edgeInfo[eid], li = el("li");
      var other = e.from === id ? e.to : e.from;
      li.appendChild(linkButton((e.from === id ? "\u2192 " : "\u2190 ") + ei.predicate + (ei.title ? " (" + ei.title + ")" : ""),
        function () { showEdge(eid); network.selectEdges([eid]); }));
      li.appendChild(document.createTextNode(" "));
      li.appendChild(nodeLink(other));
      return li;
    });
  }
  function showNode(id) {
    var i = info[id];
    if (!i) return;
    panel.textContent = "";
    panel.setAttribute("data-showing", "node");
    if (i.kind === "Article") {
      var a = articles[i.article] || {};
      panel.appendChild(el("h2", null, a.title || "[photo caption]"));
      panel.appendChild(kindLine(i.kind));
      panel.appendChild(dl([["Source", a.source], ["Kind", a.kind], ["Date", a.date],
                            ["Reporters", a.reporters], ["Photographers", a.photographers], ["Id", i.article]]));
      panel.appendChild(section("Entities", relationItems(id), "No entity links to this article.", (adj[id] || []).length));
      return;
    }
    panel.appendChild(el("h2", null, i.label));
    panel.appendChild(kindLine(i.kind));
    panel.appendChild(dl([["Aliases", i.aliases], ["Division code", i.code],
                          ["Gazetteer", i.gazetteer ? "yes" : ""]]));
    panel.appendChild(section("Articles (" + fmt(i.articles.length) + ")", i.articles.slice(0, LIST_MAX).map(articleItem),
                              "Not mentioned in any article.", i.articles.length));
    panel.appendChild(section("Relations", relationItems(id), "No relation drawn.", (adj[id] || []).length));
  }
  function showEdge(eid) {
    var e = edges.get(eid), ei = edgeInfo[eid];
    if (!e || !ei) return;
    panel.textContent = "";
    panel.setAttribute("data-showing", "edge");
    panel.appendChild(el("h2", null, ei.predicate + (ei.title ? ": " + ei.title : "")));
    var p = el("p");
    p.appendChild(nodeLink(e.from)); p.appendChild(document.createTextNode(" \u2192 " + ei.predicate + " \u2192 "));
    p.appendChild(nodeLink(e.to));
    panel.appendChild(p);
    panel.appendChild(el("h3", null, "Evidence"));
    var shown = 0;
    (ei.support || []).forEach(function (s) {
      if (!s[0]) return;
      shown += 1;
      var q = el("blockquote", "evidence", s[0]);
      panel.appendChild(q);
      if (s[1]) {
        var a = articles[s[1]];
        q.appendChild(el("span", "src", "\u2014 " + (a ? (a.title || "[photo caption]") + " \u00b7 " + a.source : s[1])));
      }
    });
    if (!shown) panel.appendChild(el("p", "hint", "No sentence: this relation comes from the gazetteer."));
    panel.appendChild(section("Articles (" + fmt(ei.articles.length) + ")", ei.articles.slice(0, LIST_MAX).map(articleItem),
                              "None.", ei.articles.length));
  }

  // ---- selection + search
  function selectNode(id, focus) {
    if (!info[id]) return;
    selected = id;
    var kind = info[id].kind, hidden = !typeOn[kind];
    if (hidden) { typeOn[kind] = true; if (typeBoxes[kind]) typeBoxes[kind].checked = true; }
    if (hidden || neighboursOnly) refresh();
    network.selectNodes([id]);
    if (focus) network.focus(id, { scale: Math.max(network.getScale(), 1.1), animation: { duration: 400, easingFunction: "easeInOutQuad" } });
    showNode(id);
  }
  api.select = selectNode;
  function rank(ids) {
    return ids.sort(function (a, b) {
      var ia = info[a], ib = info[b];
      var ka = ia.kind === "Article" ? 1 : 0, kb = ib.kind === "Article" ? 1 : 0;
      if (ka !== kb) return ka - kb;
      return (ib.articles ? ib.articles.length : 0) - (ia.articles ? ia.articles.length : 0);
    });
  }
  var matchesBox = document.getElementById("kg-matches");
  function search(q) {
    var qn = norm(q);
    matchesBox.textContent = "";
    if (!qn) return [];
    var exact = [], prefix = [], part = [];
    Object.keys(keys).forEach(function (id) {
      var k = keys[id];
      if (k.indexOf(qn) >= 0) exact.push(id);
      else if (k.some(function (x) { return x.indexOf(qn) === 0; })) prefix.push(id);
      else if (k.some(function (x) { return x.indexOf(qn) > 0; })) part.push(id);
    });
    var found = rank(exact).concat(rank(prefix), rank(part));
    if (!found.length) {
      matchesBox.appendChild(el("span", "none", "No node matches \u201c" + q + "\u201d" +
        (meta.omitted ? " among the " + fmt(meta.shown) + " drawn nodes" : "") + "."));
      return found;
    }
    selectNode(found[0], true);
    if (found.length > 1) {
      found.slice(0, 12).forEach(function (id) {
        var b = el("button", null, info[id].label + " \u00b7 " + info[id].kind); b.type = "button";
        b.addEventListener("click", function () { selectNode(id, true); });
        matchesBox.appendChild(b);
      });
      if (found.length > 12) matchesBox.appendChild(el("span", "count", "+" + fmt(found.length - 12) + " more"));
    }
    return found;
  }
  api.search = search;
  var input = document.getElementById("kg-search");
  document.getElementById("kg-search-form").addEventListener("submit", function (ev) {
    ev.preventDefault(); search(input.value);
  });
  input.addEventListener("input", function (ev) {
    // a pick from the datalist (not typing, not an IME composition)
    if (ev.isComposing) return;
    if (ev.inputType === undefined || ev.inputType === "insertReplacementText") {
      if (seen[input.value]) search(input.value);
    }
  });

  network.on("click", function (params) {
    if (params.nodes.length) { selectNode(params.nodes[0], false); }
    else if (params.edges.length) { selected = null; if (neighboursOnly) refresh(); showEdge(params.edges[0]); }
    else { selected = null; if (neighboursOnly) refresh(); clearPanel(); }
  });

  // ---- ready: first frame drawn after the layout is settled
  var settled = !(D.options.physics && D.options.physics.enabled) || !D.nodes.length;
  if (!D.nodes.length) panel.firstChild.textContent = "The graph is empty: kg build found no entities.";
  network.once("stabilizationIterationsDone", function () { settled = true; network.fit({ animation: false }); });
  network.on("afterDrawing", function () {
    if (settled && !api.ready) {
      api.ready = true;
      api.readyAt = performance.now();
      document.documentElement.setAttribute("data-kg-ready", "1");
    }
  });
  updateStats();
})();
"""
