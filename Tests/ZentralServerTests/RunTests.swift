import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import ZentralServer
import ZentralService
import ZentralTestSupport

@Suite("serve: plan runs, queue, cancel, restart", .serialized)
struct RunTests {
  /// Polls `GET /runs/<run>` (JSON) until the run has ended; returns its JSON.
  static func finished(
    _ browser: inout Browser, _ run: String, seconds: Double = 120
  ) async throws -> [String: Any] {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
      let response = try await browser.get("/runs/\(run)", json: true)
      let object = try #require(try JSONSerialization.jsonObject(with: (response).data) as? [String: Any])
      if let status = object["status"] as? String, !["queued", "running"].contains(status) { return object }
      try await Task.sleep(for: .milliseconds(50))
    }
    Issue.record("run \(run) did not end in \(seconds) s")
    return [:]
  }

  /// Submits a plan of `scenario` as JSON; returns the run id and the status code.
  static func submit(
    _ browser: inout Browser, _ scenario: String
  ) async throws -> (String?, HTTPResponse.Status) {
    let response = try await browser.post("/scenarios/\(scenario)/runs", form: [], json: true)
    let object = try? JSONSerialization.jsonObject(with: (response).data) as? [String: Any]
    return (object?["run"] as? String, response.status)
  }

  @Test("a served plan of Krefeld equals 'zentral plan' on the same file, with the exports and the events")
  func planEqualsCLI() async throws {
    let fixture = try ServeFixture()
    defer { fixture.remove() }
    try await fixture.withClient(fixture.configuration()) { client in
      var browser = Browser(client)
      try await browser.get("/")
      try await browser.uploadSeed("krefeld")
      let page = try await browser.post("/scenarios/krefeld/runs", form: [])
      #expect(page.status == .seeOther)
      let run = String(try #require(page.headers[.location]).dropFirst("/runs/".count))
      let result = try await Self.finished(&browser, run)
      #expect(result["status"] as? String == "done", "\(result)")
      let files = try #require(result["files"] as? [String])
      for name in ["plan.json", "report.html", "orgchart.dot", "orgchart.mmd", "plan.xlsx", "plan.md"] {
        #expect(files.contains(name), "\(name)")
      }
      #expect((result["input_sha256"] as? String)?.count == 64)

      // The events of a finished run: its final status, then the stream ends.
      let events = try await browser.get("/runs/\(run)/events")
      #expect(events.headers[.contentType]?.hasPrefix("text/event-stream") == true)
      #expect(String(buffer: events.body).contains("event: status\ndata: done\n"))

      let report = try await browser.get("/runs/\(run)/files/report.html")
      #expect(report.status == .ok)
      #expect(report.headers[.contentSecurityPolicy]?.contains("script-src") == false)
      #expect(try await browser.get("/runs/\(run)/files/zentral.sqlite").status == .notFound)
      let runPage = String(buffer: try await browser.get("/runs/\(run)").body)
      #expect(runPage.contains("Bericht öffnen"))

      // The CLI on the same scenario file.
      let served = try #require(
        try JSONSerialization.jsonObject(with: (try await browser.get("/runs/\(run)/files/plan.json")).data)
          as? [String: Any])
      let binary = try #require(ServeBinary.url, "the zentral executable was not built next to the tests")
      let out = fixture.folder.appendingPathComponent("cli")
      let cli = try Program.run(
        binary.path,
        [
          "plan", fixture.data.appendingPathComponent("scenarios/krefeld.yaml").path, "--out", out.path,
          "--quiet",
        ])
      #expect(cli.status == 0, "\(cli)")
      let expected = try #require(
        try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("plan.json")))
          as? [String: Any])
      #expect(
        NSDictionary(dictionary: Self.comparable(served))
          == NSDictionary(dictionary: Self.comparable(expected)))
    }
  }

  /// A plan without what may differ between two runs of the same model: timings and timestamps.
  static func comparable(_ plan: [String: Any]) -> [String: Any] {
    var copy = plan
    for key in ["created", "generated", "seconds", "elapsed", "timings"] { copy[key] = nil }
    return copy
  }

  @Test(
    "the queue is bounded: a run beyond is refused with 503; waiting and running runs can be cancelled, leaving nothing"
  )
  func queueBoundAndCancel() async throws {
    let fixture = try ServeFixture()
    defer { fixture.remove() }
    try await fixture.withClient(fixture.configuration(workers: 1, queueLimit: 1)) { client in
      var browser = Browser(client)
      try await browser.get("/")
      try await browser.uploadSeed("muenchen")
      try await browser.uploadSeed("krefeld")
      try await browser.get("/")
      let (first, firstStatus) = try await Self.submit(&browser, "muenchen")
      let (second, secondStatus) = try await Self.submit(&browser, "krefeld")
      let (third, thirdStatus) = try await Self.submit(&browser, "krefeld")
      #expect(firstStatus == .accepted)
      #expect(secondStatus == .accepted)
      #expect(thirdStatus == .serviceUnavailable)
      #expect(third == nil)
      let queue = String(buffer: try await browser.get("/runs").body)
      #expect(queue.contains("Warteschlange"))
      let running = try #require(first)
      let waiting = try #require(second)
      #expect(queue.contains("/runs/\(waiting)"))

      try await browser.get("/runs/\(waiting)")
      #expect(try await browser.post("/runs/\(waiting)/cancel", form: []).status == .seeOther)
      #expect(try await Self.finished(&browser, waiting)["status"] as? String == "cancelled")
      #expect(try await browser.post("/runs/\(running)/cancel", form: []).status == .seeOther)
      let cancelled = try await Self.finished(&browser, running)
      #expect(cancelled["status"] as? String == "cancelled")
      #expect((cancelled["files"] as? [String])?.isEmpty == true)
      let runs = try FileManager.default.contentsOfDirectory(
        atPath: fixture.data.appendingPathComponent("runs").path)
      #expect(runs.isEmpty, "\(runs)")
      let history = String(buffer: try await browser.get("/runs").body)
      #expect(history.contains("abgelehnt"))
    }
  }

  @Test(
    "a restart marks runs left queued or running as interrupted and removes half-written folders; scenarios stay"
  )
  func restart() async throws {
    let fixture = try ServeFixture()
    defer { fixture.remove() }
    let configuration = fixture.configuration()
    // A server that was killed: a run left running with a staging folder, and a scenario.
    do {
      let service = try PlanningService(configuration: configuration)
      try service.folder.writeScenario(
        try #require(ScenarioID("krefeld")), data: ServeFixture.file("scenarios/krefeld.yaml"))
      var record = RunRecord(
        id: try #require(RunID("rkilledrun001")), scenario: try #require(ScenarioID("krefeld")), user: "anna")
      record.status = .running
      try service.history.save(record)
      let staging = service.folder.stagingFolder(try #require(RunID("rkilledrun001")))
      try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
      try Data("{\"half".utf8).write(to: staging.appendingPathComponent("plan.json"))
    }
    try await fixture.withClient(configuration) { client in
      var browser = Browser(client)
      let run = try await browser.get("/runs/rkilledrun001", json: true)
      let object = try #require(try JSONSerialization.jsonObject(with: (run).data) as? [String: Any])
      #expect(object["status"] as? String == "interrupted")
      #expect(try await browser.get("/scenarios/krefeld").status == .ok)
      let runs = try FileManager.default.contentsOfDirectory(
        atPath: fixture.data.appendingPathComponent("runs").path)
      #expect(runs.isEmpty, "\(runs)")
      let events = String(buffer: try await browser.get("/runs/rkilledrun001/events").body)
      #expect(events.contains("data: interrupted"))
    }
  }

  @Test("compare shows the comparison of two scenarios' latest runs; without runs it says so")
  func compare() async throws {
    let fixture = try ServeFixture()
    defer { fixture.remove() }
    try await fixture.withClient(fixture.configuration()) { client in
      var browser = Browser(client)
      try await browser.get("/")
      try await browser.uploadSeed("krefeld")
      try await browser.get("/scenarios/krefeld")
      let variant = try await browser.post(
        "/scenarios/krefeld/variants",
        form: [("variant_name", "teurer"), ("units.fb-egov.cost_per_fte", "95000")])
      let run = String(try #require(variant.headers[.location]).dropFirst("/runs/".count))
      #expect(try await browser.get("/compare?a=krefeld&b=krefeld-teurer").status == .notFound)
      let (base, _) = try await Self.submit(&browser, "krefeld")
      _ = try await Self.finished(&browser, run)
      _ = try await Self.finished(&browser, try #require(base))
      let page = try await browser.get("/compare?a=krefeld&b=krefeld-teurer")
      #expect(page.status == .ok)
      #expect(String(buffer: page.body).contains("<table"))
      #expect(try await browser.get("/compare").status == .ok)
    }
  }
}

/// The built `zentral` executable next to the test bundle (`.build/debug/zentral`), or `ZENTRAL_BIN`.
enum ServeBinary {
  static var url: URL? {
    if let path = ProcessInfo.processInfo.environment["ZENTRAL_BIN"] { return URL(fileURLWithPath: path) }
    var candidates: [URL] = []
    if let executable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
      candidates.append(URL(fileURLWithPath: executable).deletingLastPathComponent())
    }
    candidates.append(Bundle.main.bundleURL)
    candidates.append(Bundle.main.bundleURL.deletingLastPathComponent())
    for directory in candidates {
      let binary = directory.appendingPathComponent("zentral")
      if FileManager.default.isExecutableFile(atPath: binary.path) { return binary }
    }
    return nil
  }
}
