/// Exporters turn a plan into org charts and reports.
public enum ZentralExport {}
