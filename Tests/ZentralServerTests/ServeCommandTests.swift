import Foundation
import Testing
import ZentralService
import ZentralTestSupport

@Suite("serve: the command line")
struct ServeCommandTests {
  @Test("another host without authentication is refused with one sentence, exit status 1, and no data folder")
  func refusesOpenHost() throws {
    let fixture = try ServeFixture()
    defer { fixture.remove() }
    let binary = try #require(ServeBinary.url, "the zentral executable was not built next to the tests")
    let run = try Program.run(
      binary.path, ["serve", "--host", "0.0.0.0", "--port", "0", "--data", fixture.data.path],
      timeout: .seconds(30))
    #expect(run.status == 1)
    #expect(run.stderr.contains("zentral: --host 0.0.0.0 is not a loopback address"))
    #expect(!FileManager.default.fileExists(atPath: fixture.data.path))
  }

  @Test("--hash-password prints a bcrypt hash the users file accepts")
  func hashPassword() throws {
    let fixture = try ServeFixture()
    defer { fixture.remove() }
    let binary = try #require(ServeBinary.url, "the zentral executable was not built next to the tests")
    let run = try Program.run(
      binary.path, ["serve", "--hash-password"], input: "geheim-123\n", timeout: .seconds(30))
    #expect(run.status == 0)
    let hash = run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    #expect(hash.hasPrefix("$2"))
    let url = fixture.folder.appendingPathComponent("users.yaml")
    try Data("users:\n  - {name: anna, role: admin, password_hash: \"\(hash)\"}\n".utf8).write(to: url)
    let users = try UserDirectory(contentsOf: url)
    #expect(
      users.authenticate(name: "anna", password: "geheim-123") == ServiceUser(name: "anna", role: .admin))
    #expect(users.authenticate(name: "anna", password: "geheim-124") == nil)
  }
}

@Suite("serve: input hash")
struct InputHashTests {
  @Test("the run history's input hash is SHA-256 (FIPS 180-4 test vectors)")
  func vectors() throws {
    let fixture = try ServeFixture()
    defer { fixture.remove() }
    let service = try PlanningService(configuration: fixture.configuration())
    let id = try #require(ScenarioID("abc"))
    // A file that does not load is hashed as its bytes.
    try service.folder.writeScenario(id, data: Data("abc".utf8))
    #expect(
      PlanJob.inputHash(folder: service.folder, scenario: id)
        == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    let long = Data("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
    try service.folder.writeScenario(id, data: long)
    #expect(
      PlanJob.inputHash(folder: service.folder, scenario: id)
        == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
  }
}
