"""Scale-out: records as Parquet tables (``scale.parquet``) and the Ray Data runner (``scale.ray_runner``)."""
