import Foundation
import Hummingbird
import NIOCore
import ZentralExport
import ZentralPlan
import ZentralService

extension WebApp {
  /// `GET /compare`: the choice of two scenarios, and with `a` and `b` the comparison of their
  /// latest finished runs (ComparisonReport, as `zentral compare --format html`).
  func addCompareRoutes(to router: Router<WebContext>) {
    router.get("compare") { request, context -> Response in
      let items = self.service.store.list()
      let a = request.uri.queryParameters.get("a").flatMap(ScenarioID.init)
      let b = request.uri.queryParameters.get("b").flatMap(ScenarioID.init)
      guard let a, let b else {
        let options = items.map { ["id": $0.id.rawValue, "name": $0.name] }
        return self.page(
          "compare", title: "Vergleich", ["options": options, "hasOptions": items.count >= 2], context)
      }
      var entries: [PlanComparison.Entry] = []
      for (index, id) in [a, b].enumerated() {
        guard let record = self.service.history.latestDone(of: id), let run = RunID(record.id) else {
          throw WebError(
            .notFound, "Für »\(id)« gibt es noch keinen fertigen Lauf; planen Sie das Szenario zuerst.")
        }
        let file = self.service.folder.runFolder(run).appendingPathComponent("plan.json")
        guard let data = try? Data(contentsOf: file),
          let plan = try? Plan.decode(from: data, file: "plan.json")
        else {
          throw WebError(.notFound, "Der Plan des Laufs \(run) von »\(id)« ist nicht lesbar.")
        }
        entries.append(
          PlanComparison.Entry(label: PlanComparison.label(index), source: id.fileName, plan: plan))
      }
      let html = ComparisonReport(PlanComparison(entries), language: .de).render(.html)
      var headers = HTTPFields()
      headers[.contentType] = "text/html; charset=utf-8"
      headers[.contentSecurityPolicy] = GateMiddleware.reportPolicy
      return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }
  }
}
