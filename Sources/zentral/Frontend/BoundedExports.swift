import Dispatch
import Foundation
import Synchronization
import ZentralExport
import ZentralPlan

/// Renders the default exports of a plan (``DefaultExports``) within a time budget, the report
/// first, so that a time limit also bounds the exports: what is not rendered by the deadline is
/// reported as out of time and its file is not written (`zentral export` makes it later from
/// `plan.json`).
///
/// The exporters run on a worker thread and only return text; the caller writes the files, so a
/// late exporter can never add a file to a folder that was already put in place.
enum BoundedExports {
  /// One export: its format, file name and what became of it.
  struct Export: Sendable {
    /// The format.
    var format: ExportFormat
    /// The file name in the output folder.
    var fileName: String
    /// The text, the error, or out of time.
    var outcome: Outcome
  }

  /// What became of one export.
  enum Outcome: Sendable {
    /// Rendered in time.
    case rendered(String)
    /// The exporter failed (the error reads as one sentence).
    case failed(String)
    /// Not rendered by the deadline.
    case outOfTime
  }

  /// The formats in the order they are rendered: the report first (the council reads it), then the
  /// org charts as ``DefaultExports/formats(for:renderer:)`` lists them.
  static func order(for plan: Plan) -> [ExportFormat] {
    let formats = DefaultExports.formats(for: plan)
    return formats.filter { $0 == .html } + formats.filter { $0 != .html }
  }

  /// Renders the exports of `plan` in `language` (`nil`: the plan's) until `deadline` (`nil`: no
  /// limit) and returns every format in ``order(for:)``.
  static func render(
    _ plan: Plan, language: ReportLanguage? = nil, until deadline: ContinuousClock.Instant?
  ) -> [Export] {
    let formats = order(for: plan)
    let results = Mutex<[ExportFormat: Outcome]>([:])
    let finished = DispatchSemaphore(value: 0)
    let thread = Thread {
      let options = DefaultExports.options(for: plan, language: language)
      for format in formats {
        var text = ""
        let outcome: Outcome
        do {
          try format.exporter(options: options).write(plan, to: &text)
          outcome = .rendered(text)
        } catch {
          outcome = .failed("\(error)")
        }
        results.withLock { $0[format] = outcome }
        if case .failed = outcome { break }
      }
      finished.signal()
    }
    thread.stackSize = 64 << 20
    thread.start()
    if let deadline {
      let left = max(0, Zentral.Plan.seconds(until: deadline))
      _ = finished.wait(timeout: .now() + left)
    } else {
      finished.wait()
    }
    let outcomes = results.withLock { $0 }
    var exports: [Export] = []
    for format in formats {
      let name = DefaultExports.fileNames[format] ?? "orgchart.\(format.fileExtension)"
      exports.append(Export(format: format, fileName: name, outcome: outcomes[format] ?? .outOfTime))
    }
    return exports
  }
}
