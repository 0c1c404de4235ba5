import Foundation
import Hummingbird
import NIOCore
import ZentralExport
import ZentralPlan
import ZentralService

extension WebApp {
  /// `/scenarios/:id/runs`, `/runs…`: start, queue, run page, live events, cancel, files.
  func addRunRoutes(to router: Router<WebContext>) {
    router.post("scenarios/:id/runs") { request, context -> Response in
      let id = try WebApp.scenarioID(context)
      guard self.service.folder.hasScenario(id) else { throw WebError.notFound }
      let summary = ScenarioSummary(id: id, folder: self.service.folder)
      guard summary.isValid else {
        throw WebError(
          .unprocessableContent, "Das Szenario »\(id)« enthält Fehler und kann nicht geplant werden.",
          diagnostics: summary.diagnostics)
      }
      let record = try await self.service.queue.submit(scenario: id, user: WebApp.user(context).name)
      if WebApp.wantsJSON(request) {
        return WebApp.json(["run": record.id, "status": record.status.rawValue], status: .accepted)
      }
      return WebApp.redirect("/runs/\(record.id)")
    }

    router.get("runs") { request, context -> Response in
      let snapshot = await self.service.queue.snapshot()
      let records = self.service.history.recent(limit: 200)
      if WebApp.wantsJSON(request) {
        return WebApp.json(
          RunList(
            runs: records.map(RunView.init), running: snapshot.running.map(\.rawValue),
            waiting: snapshot.waiting.map(\.rawValue)))
      }
      let running = snapshot.running.compactMap { self.service.history.record($0) }.map(WebApp.runRow)
      let waiting = snapshot.waiting.enumerated().compactMap { index, run -> [String: Any]? in
        guard var row = self.service.history.record(run).map(WebApp.runRow) else { return nil }
        row["position"] = index + 1
        return row
      }
      return self.page(
        "runs", title: "Läufe",
        [
          "running": running, "hasRunning": !running.isEmpty, "waiting": waiting,
          "hasWaiting": !waiting.isEmpty,
          "history": records.map(WebApp.runRow), "hasHistory": !records.isEmpty,
        ], context)
    }

    router.get("runs/:run") { request, context -> Response in
      let run = try WebApp.runID(context)
      guard let record = self.service.history.record(run) else { throw WebError.notFound }
      let files = record.status == .done ? self.service.folder.runFiles(run) : []
      if WebApp.wantsJSON(request) {
        var view = RunView(record)
        view.files = files
        return WebApp.json(view)
      }
      var row = WebApp.runRow(record)
      row["final"] = record.status.isFinal
      row["done"] = record.status == .done
      row["cancellable"] = !record.status.isFinal
      if let position = await self.service.queue.position(of: run) { row["position"] = position }
      row["progress"] = await self.service.queue.progress(of: run) ?? ""
      row["files"] =
        (files + (files.contains("report.html") && !files.contains("report.pdf") ? ["report.pdf"] : []))
        .map { ["name": $0, "label": WebApp.fileLabel($0)] }
      row["hasChart"] = files.contains("orgchart.svg")
      row["scenarioExists"] = ScenarioID(record.scenario).map(self.service.folder.hasScenario) ?? false
      return self.page("run", title: "Lauf \(run.rawValue)", row, context)
    }

    router.get("runs/:run/events") { _, context -> Response in
      let run = try WebApp.runID(context)
      guard self.service.history.record(run) != nil else { throw WebError.notFound }
      let events = await self.service.queue.events(for: run)
      var headers = HTTPFields()
      headers[.contentType] = "text/event-stream; charset=utf-8"
      headers[.cacheControl] = "no-cache"
      let body = ResponseBody { writer in
        for await event in events {
          try await writer.write(ByteBuffer(string: WebApp.serverSentEvent(event)))
        }
        try await writer.finish(nil)
      }
      return Response(status: .ok, headers: headers, body: body)
    }

    router.post("runs/:run/cancel") { request, context -> Response in
      let run = try WebApp.runID(context)
      guard self.service.history.record(run) != nil else { throw WebError.notFound }
      let cancelled = await self.service.queue.cancel(run)
      if WebApp.wantsJSON(request) {
        return WebApp.json(["run": run.rawValue, "cancelled": cancelled ? "true" : "false"])
      }
      return WebApp.redirect("/runs/\(run.rawValue)")
    }

    router.get("runs/:run/files/:name") { _, context -> Response in
      let run = try WebApp.runID(context)
      let name = context.parameters.get("name") ?? ""
      guard PlanJob.fileNames.contains(name), self.service.history.record(run)?.status == .done else {
        throw WebError.notFound
      }
      let folder = self.service.folder.runFolder(run)
      let url = folder.appendingPathComponent(name)
      if name == "report.pdf", !FileManager.default.fileExists(atPath: url.path) {
        try await WebApp.printPDF(folder: folder)
      }
      guard let data = try? Data(contentsOf: url) else { throw WebError.notFound }
      var headers = HTTPFields()
      headers[.contentType] = WebApp.contentType(name)
      if name == "report.html" {
        headers[.contentSecurityPolicy] = GateMiddleware.reportPolicy
      } else {
        headers[.contentDisposition] = "attachment; filename=\"\(run.rawValue)-\(name)\""
      }
      if name == "orgchart.svg" { headers[.contentSecurityPolicy] = GateMiddleware.reportPolicy }
      return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
  }

  /// One server-sent event.
  static func serverSentEvent(_ event: RunEvent) -> String {
    switch event {
    case .progress(let line):
      let clean = line.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
      return "event: progress\ndata: \(clean)\n\n"
    case .status(let status):
      return "event: status\ndata: \(status.rawValue)\n\n"
    }
  }

  /// Prints `folder/report.html` to `folder/report.pdf` with headless Chromium (atomically).
  static func printPDF(folder: URL) async throws {
    guard ChromiumPDF.executable() != nil else {
      throw WebError(
        .notFound, "Für das PDF fehlt Chromium auf dem Server; der Bericht steht als HTML bereit.")
    }
    let html = try String(contentsOf: folder.appendingPathComponent("report.html"), encoding: .utf8)
    let data: Data = try await withCheckedThrowingContinuation { continuation in
      let thread = Thread {
        do {
          continuation.resume(returning: try ChromiumPDF.pdf(fromHTML: html))
        } catch {
          continuation.resume(
            throwing: WebError(.internalServerError, "Das PDF konnte nicht gedruckt werden: \(error)"))
        }
      }
      thread.start()
    }
    do {
      try AtomicFile.write(data, to: folder.appendingPathComponent("report.pdf"))
    } catch {
      throw WebError(.internalServerError, "Das PDF konnte nicht gespeichert werden: \(error)")
    }
  }

  /// The media type of a run file.
  static func contentType(_ name: String) -> String {
    switch (name as NSString).pathExtension {
    case "json": "application/json; charset=utf-8"
    case "html": "text/html; charset=utf-8"
    case "svg": "image/svg+xml"
    case "pdf": "application/pdf"
    case "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    case "csv": "text/csv; charset=utf-8"
    case "md": "text/markdown; charset=utf-8"
    default: "text/plain; charset=utf-8"
    }
  }

  /// The German label of a run file.
  static func fileLabel(_ name: String) -> String {
    switch name {
    case "report.html": "Bericht (HTML)"
    case "report.pdf": "Bericht (PDF)"
    case "plan.json": "Plan (JSON, zentral-plan/1)"
    case "plan.md": "Zusammenfassung (Markdown)"
    case "plan.xlsx": "Tabellen (Excel)"
    case "orgchart.svg": "Organigramm (SVG)"
    case "orgchart.dot": "Organigramm (Graphviz DOT)"
    case "orgchart.mmd": "Organigramm (Mermaid)"
    case "orgchart.csv": "Organigramm (CSV für Visio)"
    default: name
    }
  }
}

/// A run as JSON (`GET /runs/<run>` with `Accept: application/json`).
struct RunView: Encodable {
  var run: String
  var scenario: String
  var user: String
  var status: String
  var seconds: Double?
  var message: String
  var inputSHA256: String
  var created: Date?
  var started: Date?
  var finished: Date?
  var files: [String] = []

  init(_ record: RunRecord) {
    run = record.id
    scenario = record.scenario
    user = record.user
    status = record.status.rawValue
    seconds = record.seconds
    message = record.message
    inputSHA256 = record.inputSHA256
    created = record.created
    started = record.started
    finished = record.finished
  }

  enum CodingKeys: String, CodingKey {
    case run, scenario, user, status, seconds, message, created, started, finished, files
    case inputSHA256 = "input_sha256"
  }
}

/// The queue and the history as JSON (`GET /runs` with `Accept: application/json`).
struct RunList: Encodable {
  var runs: [RunView]
  var running: [String]
  var waiting: [String]
}
