"""Orchestration logic for the children's homes data pack pipeline.

The DAG files in ``dags/`` are thin: they wire tasks together. Everything worth testing lives here, in plain
Python that imports without a running scheduler:

- :mod:`.collection_calendar`: collection years, deadlines and the collection window;
- :mod:`.registry`: the LA registry (DfE geography ``las.csv``) and which LAs are due for ingest;
- :mod:`.status`: parsing ``./datapack status --format json`` into accepted / missing / late / failing LAs;
- :mod:`.cli`: building and running ``./datapack`` commands (exit codes of the CLI contract);
- :mod:`.connections`: Airflow connections → CLI arguments and environment (Spark master, warehouse);
- :mod:`.release`: release checks and the READY marker;
- :mod:`.settings`: configuration from Airflow Variables, then the environment, then defaults;
- :mod:`.callbacks`: failure messages that say which LA, which step and where the log is.
"""
