"""``kamerkg serve``: the Oxigraph SPARQL server, read-only, over OUT/store.

We run Oxigraph's own server binary (PyPI package ``oxigraph``) rather than a
Python server: it speaks the full SPARQL 1.1 Protocol at ``/query`` (results
as JSON, XML, CSV or TSV and CONSTRUCT/DESCRIBE as Turtle, N-Triples,
RDF/XML or JSON-LD, chosen by the Accept header), ships the YASGUI query UI
at ``/`` and is fast. ``serve-read-only`` refuses every update (HTTP 403);
``--union-default-graph`` makes ``SELECT * { ?s ?p ?o }`` see every
document's graph (DESIGN.md); ``--timeout-s`` cancels runaway queries.

Checks that give one-line messages instead of a Rust panic: the store
exists, the port is free, the child is alive once started.
"""
from __future__ import annotations

import errno
import ipaddress
import logging
import shutil
import signal
import socket
import subprocess
import sysconfig
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import FrameType, TracebackType

log = logging.getLogger(__name__)

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7878
DEFAULT_TIMEOUT = 60  # seconds per query; Oxigraph takes whole seconds
STOP_GRACE = 10.0


class ServeError(Exception):
    """The server cannot start or died: a one-line message for the user."""


def find_oxigraph() -> str:
    """The ``oxigraph`` binary: beside this Python first (the same venv), then on PATH."""
    beside = Path(sysconfig.get_path("scripts")) / "oxigraph"
    if beside.is_file():
        return str(beside)
    found = shutil.which("oxigraph")
    if found is None:
        raise ServeError("the oxigraph server is not installed (pip install oxigraph)")
    return found


def is_loopback(host: str) -> bool:
    """True for addresses only this machine can reach (127.0.0.0/8, ::1, localhost)."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def bind_address(host: str, port: int) -> str:
    """``host:port`` as Oxigraph's --bind wants it (IPv6 in brackets)."""
    bare = host.strip("[]")
    return f"[{bare}]:{port}" if ":" in bare else f"{bare}:{port}"


def check_port_free(host: str, port: int) -> None:
    """Raise ServeError when something already listens on host:port."""
    bare = host.strip("[]")
    family = socket.AF_INET6 if ":" in bare else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        # SO_REUSEADDR ignores sockets in TIME_WAIT but, on Linux and macOS,
        # still fails while another socket listens on the port.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((bare, port))
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                raise ServeError(f"port {port} on {host} is already in use; choose another with --port") from error
            raise ServeError(f"cannot listen on {host}:{port} ({error.strerror})") from error


def server_command(store: Path, host: str, port: int, timeout: int) -> list[str]:
    """The argv that runs Oxigraph read-only over ``store``."""
    return [find_oxigraph(), "serve-read-only", "--location", str(store),
            "--bind", bind_address(host, port), "--union-default-graph", "--timeout-s", str(timeout)]


def _connectable(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host.strip("[]"), port), timeout=0.5):
            return True
    except OSError:
        return False


class Server:
    """One Oxigraph server process over a build's store; a context manager that always stops it."""

    def __init__(self, out: Path, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT,
                 timeout: int = DEFAULT_TIMEOUT) -> None:
        if timeout < 1:
            raise ServeError(f"--timeout must be a whole number of seconds >= 1, not {timeout}")
        self.out = Path(out)
        self.store = self.out / "store"
        self.host = host
        self.port = port
        self.timeout = timeout
        self.process: subprocess.Popen | None = None
        self._stderr = None

    @property
    def url(self) -> str:
        """The query UI."""
        bare = self.host.strip("[]")
        return f"http://[{bare}]:{self.port}/" if ":" in bare else f"http://{bare}:{self.port}/"

    @property
    def query_url(self) -> str:
        """The SPARQL 1.1 Protocol endpoint."""
        return self.url + "query"

    def start(self, ready_within: float = 20.0) -> None:
        """Start the child and return once it accepts connections."""
        if not self.store.is_dir():
            raise ServeError(f"{self.out}: no store here (run kamerkg build first)")
        if not is_loopback(self.host):
            log.warning("listening on %s: anyone who can reach this address can query the graph", self.host)
        check_port_free(self.host, self.port)
        command = server_command(self.store, self.host, self.port, self.timeout)
        log.debug("starting %s", " ".join(command))
        self._stderr = tempfile.TemporaryFile()
        self.process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                        stderr=self._stderr)
        deadline = time.monotonic() + ready_within
        while not _connectable(self.host, self.port):
            if self.process.poll() is not None:
                message = self._died_message()
                self.stop()
                raise ServeError(message)
            if time.monotonic() > deadline:
                self.stop()
                raise ServeError(f"the oxigraph server did not answer on {self.host}:{self.port} "
                                 f"within {ready_within:.0f} s")
            time.sleep(0.05)
        log.info("serving %s at %s", self.store, self.url)

    def _died_message(self) -> str:
        assert self.process is not None
        detail = ""
        if self._stderr is not None:
            self._stderr.seek(0)
            lines = [line.strip() for line in self._stderr.read().decode("utf-8", "replace").splitlines()]
            lines = [line for line in lines if line and not line.startswith("For more information")]
            detail = f": {lines[-1]}" if lines else ""
        return f"the oxigraph server stopped (exit code {self.process.returncode}){detail}"

    def wait(self) -> None:
        """Block until the child exits; a child that dies on its own is a ServeError."""
        if self.process is None:
            raise ServeError("the server was not started")
        self.process.wait()
        raise ServeError(self._died_message())

    def stop(self) -> None:
        """Terminate the child and wait for it (kill it if it does not go)."""
        process, self.process = self.process, None
        if process is not None and process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=STOP_GRACE)
            except subprocess.TimeoutExpired:
                log.warning("the oxigraph server did not stop within %.0f s; killing it", STOP_GRACE)
                process.kill()
                process.wait()
        if self._stderr is not None:
            self._stderr.close()
            self._stderr = None
        if process is not None:
            log.info("oxigraph server stopped")

    def __enter__(self) -> Server:
        self.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.stop()


def _signal_as_interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def serve(out: Path, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, timeout: int = DEFAULT_TIMEOUT,
          on_ready: Callable[[Server], None] | None = None) -> None:
    """Serve until Ctrl-C (or SIGTERM), then stop the child cleanly and return."""
    server = Server(out, host=host, port=port, timeout=timeout)
    # SIGINT too: a process started in the background by a shell script inherits
    # SIGINT ignored, and Python then leaves it so; Ctrl-C (or kill -INT) must stop it.
    previous = {number: signal.signal(number, _signal_as_interrupt) for number in (signal.SIGINT, signal.SIGTERM)}
    try:
        server.start()
        if on_ready:
            on_ready(server)
        server.wait()
    except KeyboardInterrupt:
        log.info("interrupted; stopping the server")
    finally:
        server.stop()
        for number, handler in previous.items():
            signal.signal(number, handler)
