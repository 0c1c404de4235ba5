import Foundation
import Testing
import ZentralPlan

@testable import ZentralCore

/// The rules of law and organisation in the seed scenarios: Münster keeps its information-security
/// officer apart from citeq's operations; the providers' legal forms reach the plan.
@Suite("Seed scenarios: legal form, confidentiality, separation")
struct PlanningSeedRulesTests {
  @Test("Münster: the information-security officer stays apart from citeq, which runs operations")
  func muensterSeparation() throws {
    let scenario = try PlanningSeedTests.load("muenster.yaml")
    let plan = try Planner(scenario: scenario).plan(options: PlanningOptions(threads: 2))
    #expect(plan.status == .optimal)
    let isb = try #require(plan.tasks.first { $0.id == "amt10-isb" })
    #expect(isb.decision == .stay)
    #expect(isb.reason.rule == .infeasibleFlip)
    #expect(
      isb.reason.conflicts == [
        .init(rule: .separation, task: "amt10-isb", families: ["rz", "client", "fachverfahren"])
      ])
    // No provider holds the officer together with operations work in any year.
    let operations: Set<String> = ["rz", "client", "fachverfahren"]
    for centre in plan.centres where operations.contains(centre.family) {
      #expect(!isb.moves.contains { $0.provider == centre.provider })
    }
    #expect(plan.org.first { $0.id == "citeq" }?.legalForm == .publicBody)
    #expect(plan.org.first { $0.id == "lwl-it" }?.legalForm == .publicBody)
    #expect(
      PlanWords(plan).reason(of: isb)
        == "Ein vollständiger Wechsel ist nicht zulässig: die Aufgabe Informationssicherheitsbeauftragte darf nicht "
        + "bei einem Anbieter liegen, der Arbeit aus „Rechenzentrum, Backup und Ausfallsicherheit“, "
        + "„Arbeitsplatz-Support und Home-Office/Telearbeit“ und „Fachverfahrensbetreuung“ erledigt")
  }

  @Test("Münster without the separation: the officer would move to citeq")
  func muensterWithoutSeparation() throws {
    var scenario = try PlanningSeedTests.load("muenster.yaml")
    let t = try #require(scenario.tasks.firstIndex { $0.id == "amt10-isb" })
    scenario.tasks[t].separateFrom = []
    let plan = try Planner(scenario: scenario).plan(options: PlanningOptions(explain: false))
    let isb = try #require(plan.tasks.first { $0.id == "amt10-isb" })
    #expect(isb.provider == "citeq")
  }

  @Test("München and Krefeld: providers with their legal form, confidential procedures marked")
  func legalForms() throws {
    let muenchen = try PlanningSeedTests.load("muenchen.yaml")
    #expect(muenchen.units.filter(\.isProvider).map(\.providerLegalForm) == [.own, .own])
    #expect(
      Set(muenchen.tasks.filter(\.confidential).map(\.id)) == ["por-paul", "ska-steuer", "soz-sozialhilfe"])
    let krefeld = try PlanningSeedTests.load("krefeld.yaml")
    #expect(krefeld.units.filter(\.isProvider).map(\.providerLegalForm) == [.own, .publicBody])
    #expect(
      Set(krefeld.tasks.filter(\.confidential).map(\.id))
        == ["fb20-kasse", "fb20-steuer", "fb50-sozial", "fb51-jugend"])
  }
}
