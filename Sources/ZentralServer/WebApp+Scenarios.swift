import Foundation
import Hummingbird
import ZentralCore
import ZentralService

extension WebApp {
  /// `/`, `/scenarios…`: the list, uploads, the scenario page, the form editor and variants.
  func addScenarioRoutes(to router: Router<WebContext>) {
    router.get("/") { request, context -> Response in
      let items = self.service.store.list()
      if WebApp.wantsJSON(request) {
        struct Item: Encodable {
          var id: String
          var name: String
          var extends: String?
        }
        return WebApp.json([
          "scenarios": items.map { Item(id: $0.id.rawValue, name: $0.name, extends: $0.extends?.rawValue) }
        ])
      }
      let bases = items.filter { item in item.extends == nil || !items.contains { $0.id == item.extends } }
      let rows: [[String: Any]] = bases.map { base in
        [
          "id": base.id.rawValue, "name": base.name,
          "variants": items.filter { $0.extends == base.id }.map { ["id": $0.id.rawValue, "name": $0.name] },
          "hasVariants": items.contains { $0.extends == base.id },
        ]
      }
      return self.page(
        "index", title: "Szenarien",
        ["scenarios": rows, "hasScenarios": !rows.isEmpty, "maxKiB": self.maxUploadBytes / 1024], context)
    }

    router.post("scenarios") { request, context -> Response in
      let form = try WebApp.form(request, context)
      let name = form["name"]
      let id: ScenarioID
      if let file = form.files["file"] {
        id = try self.service.store.store(file: .init(fileName: file.fileName, data: file.data), name: name)
      } else if let units = form.files["units"], let tasks = form.files["tasks"] {
        id = try self.service.store.store(
          units: .init(fileName: units.fileName, data: units.data),
          tasks: .init(fileName: tasks.fileName, data: tasks.data),
          name: name)
      } else {
        throw WebError(
          .badRequest,
          "Bitte wählen Sie eine Datei (Szenario .yaml oder Arbeitsmappe .xlsx) oder beide CSV-Dateien "
            + "(Einheiten und Aufgaben); nichts wurde gespeichert.")
      }
      if WebApp.wantsJSON(request) { return WebApp.json(["scenario": id.rawValue], status: .created) }
      return WebApp.redirect("/scenarios/\(id.rawValue)")
    }

    router.get("scenarios/:id") { request, context -> Response in
      let id = try WebApp.scenarioID(context)
      guard self.service.folder.hasScenario(id) else { throw WebError.notFound }
      let summary = ScenarioSummary(id: id, folder: self.service.folder)
      if WebApp.wantsJSON(request) {
        return WebApp.json([
          "id": id.rawValue, "scenarioId": id.rawValue, "name": summary.name,
          "extends": summary.extends?.rawValue ?? "",
          "valid": summary.isValid ? "true" : "false",
          "diagnostics": summary.diagnostics.map(\.line).joined(separator: "\n"),
        ])
      }
      return self.scenarioPage(summary, context, values: [:], problems: [], status: .ok)
    }

    router.get("scenarios/:id/file") { _, context -> Response in
      let id = try WebApp.scenarioID(context)
      let data = try self.service.folder.scenarioData(id)
      var headers = HTTPFields()
      headers[.contentType] = "application/yaml; charset=utf-8"
      headers[.contentDisposition] = "attachment; filename=\"\(id.fileName)\""
      return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    router.post("scenarios/:id") { request, context -> Response in
      let id = try WebApp.scenarioID(context)
      guard self.service.folder.hasScenario(id) else { throw WebError.notFound }
      let form = try WebApp.form(request, context)
      let values = form.fields.filter { $0.name != "_csrf" }.map { ($0.name, $0.value) }
      do {
        try self.service.store.save(id, values: values)
      } catch let error as ServiceError {
        guard error.kind == .invalid else { throw WebError(error) }
        let summary = ScenarioSummary(id: id, folder: self.service.folder)
        return self.scenarioPage(
          summary, context, values: Dictionary(values, uniquingKeysWith: { first, _ in first }),
          problems: error.diagnostics, status: .unprocessableContent)
      }
      return WebApp.redirect("/scenarios/\(id.rawValue)")
    }

    router.post("scenarios/:id/variants") { request, context -> Response in
      let id = try WebApp.scenarioID(context)
      let form = try WebApp.form(request, context)
      let values = form.fields.filter { $0.name != "_csrf" && $0.name != "variant_name" }.map {
        ($0.name, $0.value)
      }
      let variant = try self.service.store.saveVariant(
        of: id, name: form["variant_name"] ?? "", values: values)
      let record = try await self.service.queue.submit(scenario: variant, user: WebApp.user(context).name)
      if WebApp.wantsJSON(request) {
        return WebApp.json(
          ["scenario": variant.rawValue, "run": record.id, "status": record.status.rawValue],
          status: .accepted)
      }
      return WebApp.redirect("/runs/\(record.id)")
    }
  }

  /// The scenario page: summary, diagnostics, form editor (with `values` typed and `problems` at
  /// their fields after a refused save), what-if panel, variants and runs.
  func scenarioPage(
    _ summary: ScenarioSummary, _ context: WebContext, values: [String: String], problems: [FieldDiagnostic],
    status: HTTPResponse.Status
  ) -> Response {
    let id = summary.id
    let all = summary.diagnostics + problems
    var groups: [[String: Any]] = []
    for field in summary.fields {
      let messages = all.filter { $0.field == field.keyPath }.map(\.line)
      let entry: [String: Any] = [
        "key": field.keyPath, "label": field.label, "value": values[field.keyPath] ?? field.value,
        "domId": "f-" + field.keyPath.replacingOccurrences(of: ".", with: "_"),
        "messages": messages, "hasMessages": !messages.isEmpty,
      ]
      if let index = groups.firstIndex(where: { ($0["name"] as? String) == field.group }) {
        var list = groups[index]["fields"] as? [[String: Any]] ?? []
        list.append(entry)
        groups[index]["fields"] = list
      } else {
        groups.append(["name": field.group, "fields": [entry]])
      }
    }
    let items = service.store.list()
    let variants = items.filter { $0.extends == id }.map { ["id": $0.id.rawValue, "name": $0.name] }
    let runs = service.history.recent(limit: 10, scenario: id).map(Self.runRow)
    let others = items.filter { $0.id != id }.map { ["id": $0.id.rawValue, "name": $0.name] }
    return page(
      "scenario", title: summary.name,
      [
        "id": id.rawValue, "scenarioId": id.rawValue, "name": summary.name,
        "extends": summary.extends?.rawValue ?? "",
        "isVariant": summary.extends != nil, "valid": summary.isValid,
        "diagnostics": all.map { ["line": $0.line, "isError": $0.isError] }, "hasDiagnostics": !all.isEmpty,
        "problems": !problems.isEmpty,
        "groups": groups, "variants": variants, "hasVariants": !variants.isEmpty, "runs": runs,
        "hasRuns": !runs.isEmpty,
        "others": others, "hasOthers": !others.isEmpty,
        "units": summary.scenario?.units.count ?? 0, "tasks": summary.scenario?.tasks.count ?? 0,
      ], context, status: status)
  }

  /// One run as a row of a table.
  static func runRow(_ record: RunRecord) -> [String: Any] {
    [
      "id": record.id, "scenario": record.scenario, "by": record.user, "created": shown(record.created),
      "status": record.status.rawValue, "statusLabel": record.status.label,
      "seconds": record.seconds.map { String(format: "%.1f s", $0).replacingOccurrences(of: ".", with: ",") }
        ?? "",
      "message": record.message,
    ]
  }
}
