import logging
import os
from pathlib import Path


def test_a_command_writes_the_log_file_in_the_user_data_folder(cli, db, tmp_path):
    source = tmp_path / "a.txt"
    source.write_text("Title\n\nSome text.", encoding="utf-8")
    cli("--db", db, "import", source)
    logging.getLogger("annotator.test").info("marker line")
    for handler in logging.getLogger("annotator").handlers:
        handler.flush()
    log = Path(os.environ["XDG_DATA_HOME"]) / "Annotator" / "logs" / "annotator.log"
    assert "marker line" in log.read_text(encoding="utf-8")


def test_verbose_prints_the_log_to_stderr(cli, db, tmp_path, capfd):
    source = tmp_path / "a.txt"
    source.write_text("Title\n\nSome text.", encoding="utf-8")
    cli("--verbose", "--db", db, "stats")
    logging.getLogger("annotator.test").debug("debug marker")
    assert "debug marker" in capfd.readouterr().err
    cli("--db", db, "stats")  # without the flag the stream handler is gone
    logging.getLogger("annotator.test").warning("quiet marker")
    assert "quiet marker" not in capfd.readouterr().err
