import Foundation
import ZentralPlan

/// Synthetic scenarios for scale tests and benchmarks, repeatable from a seed.
///
/// Two shapes:
/// - ``Shape/region(municipalities:providers:)``: an inter-municipal setting like the KDN in
///   North Rhine-Westphalia. Every municipality is a small administration with two to five
///   departments that each do some IT work of every family; shared providers (Zweckverbände)
///   may take the work over. The state-scale case is 400 municipalities, 6 providers,
///   30 families and 5 waves: 12,000 tasks.
/// - ``Shape/city(units:centralUnits:)``: one big city with divisions, departments, municipal
///   enterprises and staff units, and central IT units that may take tasks over (60 units,
///   40 families, 2 central units, 5 waves in the big-city case).
///
/// The numbers are plausible, not real: employer cost 55,000-85,000 EUR per FTE plus 15-20 %
/// overhead, concave economies-of-scale curves that start at [0, 0], centre set-up costs and
/// overheads, and provider capacities that leave the status quo feasible. The same settings give
/// the same scenario, on every platform (``SplitMix64``).
public struct ScenarioGenerator: Sendable, Equatable {
  /// The kind of organisation generated.
  public enum Shape: Sendable, Equatable {
    /// `municipalities` municipalities sharing `providers` outside providers.
    case region(municipalities: Int, providers: Int)
    /// One city of `units` units (root, divisions, departments, enterprises, staff units and
    /// `centralUnits` central IT units).
    case city(units: Int, centralUnits: Int)
  }

  /// The kind of organisation.
  public var shape: Shape
  /// Number of task families.
  public var families: Int
  /// Number of waves (years of the horizon).
  public var waves: Int
  /// The seed; the same seed gives the same scenario.
  public var seed: UInt64
  /// First year of the horizon.
  public var startYear: Int

  /// Creates generator settings.
  public init(shape: Shape, families: Int, waves: Int, seed: UInt64, startYear: Int = 2026) {
    self.shape = shape
    self.families = families
    self.waves = waves
    self.seed = seed
    self.startYear = startYear
  }

  /// The state-scale case: 400 municipalities, 6 shared providers, 30 families, 5 waves.
  public static func stateScale(seed: UInt64 = 1) -> ScenarioGenerator {
    ScenarioGenerator(shape: .region(municipalities: 400, providers: 6), families: 30, waves: 5, seed: seed)
  }

  /// The big-city case: 60 units with 2 central IT units, 40 families, 5 waves.
  public static func bigCity(seed: UInt64 = 1) -> ScenarioGenerator {
    ScenarioGenerator(shape: .city(units: 60, centralUnits: 2), families: 40, waves: 5, seed: seed)
  }

  /// What is wrong with the settings, one sentence each (empty when they can be generated).
  public var problems: [String] {
    var problems: [String] = []
    if families < 1 || families > 500 { problems.append("families is \(families); use 1 to 500") }
    if waves < 1 || waves > 30 { problems.append("waves is \(waves); a horizon has 1 to 30 years") }
    let starts = ScenarioDecoder.startYears
    if !starts.contains(startYear) {
      problems.append(
        "start year \(startYear) is outside \(starts.lowerBound) to \(starts.upperBound), the years a horizon "
          + "may start in")
    }
    switch shape {
    case .region(let municipalities, let providers):
      if municipalities < 1 || municipalities > 9999 {
        problems.append("municipalities is \(municipalities); use 1 to 9999")
      }
      if providers < 1 || providers > 99 { problems.append("providers is \(providers); use 1 to 99") }
    case .city(let units, let centralUnits):
      if centralUnits < 1 || centralUnits > 20 {
        problems.append("central units is \(centralUnits); use 1 to 20")
      }
      if units < centralUnits + 3 || units > 5000 {
        problems.append(
          "units is \(units); a city needs the root, a division, a department and its central units "
            + "(at least \(centralUnits + 3)), and at most 5000")
      }
    }
    return problems
  }

  /// Generates the scenario. The settings must have no ``problems``.
  public func generate() -> Scenario {
    precondition(problems.isEmpty, problems.joined(separator: "; "))
    var rng = SplitMix64(seed: seed)
    switch shape {
    case .region(let municipalities, let providers):
      return region(municipalities: municipalities, providers: providers, rng: &rng)
    case .city(let units, let centralUnits):
      return city(units: units, centralUnits: centralUnits, rng: &rng)
    }
  }

  /// Generates the scenario as zentral/1 YAML text (the same settings give the same bytes).
  ///
  /// Very large settings can give text over ``ScenarioLoader/sizeLimit``; ``generateFile()`` refuses those.
  public func generateYAML() -> String {
    ScenarioWriter.yaml(generate())
  }

  /// Generates the scenario as the zentral/1 YAML text of a file that `zentral validate` accepts.
  ///
  /// - Throws: ``GenerationError`` when the text would be larger than ``ScenarioLoader/sizeLimit``
  ///   (10 MiB, about 70,000 tasks), which `validate` and `plan` refuse.
  public func generateFile() throws(GenerationError) -> String {
    let scenario = generate()
    let text = ScenarioWriter.yaml(scenario)
    let bytes = text.utf8.count
    guard bytes <= ScenarioLoader.sizeLimit else {
      let what =
        switch shape {
        case .region: "municipalities or families"
        case .city: "units or families"
        }
      func grouped(_ count: Int) -> String { LocaleNumber.written(Double(count), germanFile: false) }
      throw GenerationError(
        message:
          "the scenario would have \(grouped(scenario.tasks.count)) tasks in \(grouped(bytes)) bytes, "
          + "more than the \(grouped(ScenarioLoader.sizeLimit)) bytes (10 MiB) a scenario file may have; "
          + "use fewer \(what)")
    }
    return text
  }

  // MARK: Region

  private func region(
    municipalities count: Int, providers providerCount: Int, rng: inout SplitMix64
  ) -> Scenario {
    var units = [
      OrgUnit(
        id: "region", name: "Kommunale IT-Kooperation (synthetisch, \(count) Kommunen)", kind: .administration
      )
    ]
    var providerIDs: [String] = []
    for index in 0..<providerCount {
      let (id, name) = Self.providerName(index)
      providerIDs.append(id)
      units.append(
        OrgUnit(
          id: id, name: name, kind: .shared, pricePerFTE: Self.round(rng.uniform(84_000, 96_000), to: 100)))
    }
    var families = makeFamilies(providers: providerIDs, perFamily: 2...4, scaleStart: 3...8, rng: &rng)
    let preferredDepartment = families.indices.map { _ in rng.integer(0, Self.departmentNames.count - 1) }
    let weights = families.indices.map { _ in rng.uniform(0.5, 1.5) }
    let weightSum = weights.reduce(0, +)

    var tasks: [ITTask] = []
    var populations: [Double] = []
    for m in 0..<count {
      let mid = "m" + Self.padded(m + 1, width: max(3, String(count).count))
      let u = rng.unit()
      let population = Self.round(2_000 * pow(100, u * u), to: 10)
      let town = Self.townName(&rng)
      units.append(
        OrgUnit(
          id: mid, name: (population >= 25_000 ? "Stadt " : "Gemeinde ") + town, kind: .administration,
          parent: "region"))
      let departmentCount = population < 10_000 ? 2 : population < 50_000 ? 3 : rng.integer(4, 5)
      let salary = rng.uniform(55_000, 85_000) * (1 + rng.uniform(0.15, 0.20))
      var departmentIDs: [String] = []
      for d in 0..<departmentCount {
        let (suffix, name) = Self.departmentNames[d]
        let id = "\(mid)-\(suffix)"
        departmentIDs.append(id)
        units.append(
          OrgUnit(
            id: id, name: "\(name) \(town)", kind: .department, parent: mid,
            costPerFTE: Self.round(salary * rng.uniform(0.97, 1.03), to: 100)))
      }
      populations.append(population)
      let itFTE = population / 4_000
      for (f, family) in families.enumerated() {
        let unit = departmentIDs[preferredDepartment[f] % departmentIDs.count]
        let fte = max(0.05, Self.round(itFTE * weights[f] / weightSum * rng.uniform(0.6, 1.4), to: 0.05))
        var task = ITTask(
          id: "\(mid)-\(family.id)", name: "\(family.name) \(town)", family: family.id, unit: unit, fte: fte)
        decorate(&task, rng: &rng)
        tasks.append(task)
      }
    }

    let capacities = capacitiesFor(
      providers: providerIDs, families: families, tasks: tasks, share: 0.12...0.25, rng: &rng)
    for index in units.indices {
      if let capacity = capacities[units[index].id] { units[index].capacityFTE = capacity }
    }
    for f in families.indices {
      families[f].transitionCostPerFTE = Self.round(rng.uniform(6_000, 18_000), to: 500)
    }

    let totalFTE = tasks.reduce(0) { $0 + $1.fte }
    var policy = Policy(
      retained: RetainedOrganisation(minShare: 0.1),
      maxMovedFTEPerWave: YearValues(constant: Self.round(totalFTE * 0.3, to: 1)))
    // The first two families are piloted in the largest municipality whose task of the family can
    // move (a dedicated task cannot, and a pilot unit needs a movable task). Tasks are municipality
    // by municipality, family by family.
    let bySize = populations.indices.sorted {
      populations[$0] > populations[$1] || (populations[$0] == populations[$1] && $0 < $1)
    }
    for f in families.indices.prefix(2) {
      if let m = bySize.first(where: { !tasks[$0 * families.count + f].dedicated }) {
        policy.pilots.append(Pilot(family: families[f].id, unit: tasks[m * families.count + f].unit))
      }
    }
    return Scenario(
      name: "Synthetische Region: \(count) Kommunen, \(providerCount) Dienstleister, "
        + "\(families.count) Aufgabenbereiche (Seed \(seed))",
      horizon: Horizon(start: startYear, years: waves), discountRate: 0.03, units: units, families: families,
      tasks: tasks, policy: policy)
  }

  // MARK: City

  private func city(units unitCount: Int, centralUnits centralCount: Int, rng: inout SplitMix64) -> Scenario {
    var units = [OrgUnit(id: "stadt", name: "Stadtverwaltung (synthetisch)", kind: .administration)]
    let divisions = max(1, (unitCount - 1 - centralCount) / 8)
    let rest = unitCount - 1 - centralCount - divisions
    let enterprises = rest / 10
    let staff = rest / 15
    let departments = rest - enterprises - staff
    for d in 0..<divisions {
      units.append(
        OrgUnit(
          id: "dez-\(d + 1)", name: "Dezernat \(Self.roman(d + 1))", kind: .division, parent: "stadt"))
    }
    var centralIDs: [String] = []
    for c in 0..<centralCount {
      let id = c == 0 ? "it-zentral" : "it-zentral-\(c + 1)"
      let name = c == 0 ? "Fachbereich E-Government und IT" : "Zentrale IT-Stelle \(c + 1)"
      centralIDs.append(id)
      units.append(
        OrgUnit(
          id: id, name: name, kind: .central, parent: "dez-1",
          costPerFTE: Self.round(rng.uniform(68_000, 80_000) * (1 + rng.uniform(0.15, 0.20)), to: 100)))
    }
    var homeUnits: [(id: String, size: Double)] = []
    let kinds: [UnitKind] =
      Array(repeating: .department, count: departments) + Array(repeating: .enterprise, count: enterprises)
      + Array(repeating: .staff, count: staff)
    for (index, kind) in kinds.enumerated() {
      let parent = kind == .staff ? "stadt" : "dez-\(index % divisions + 1)"
      let (prefix, label) =
        switch kind {
        case .enterprise: ("eb", "Eigenbetrieb")
        case .staff: ("st", "Stabsstelle")
        default: ("fb", "Fachbereich")
        }
      let id = "\(prefix)-\(index + 1)"
      let topic = Self.topics[index % Self.topics.count]
      units.append(
        OrgUnit(
          id: id, name: "\(label) \(topic)", kind: kind, parent: parent,
          costPerFTE: Self.round(rng.uniform(55_000, 85_000) * (1 + rng.uniform(0.15, 0.20)), to: 100)))
      homeUnits.append((id, kind == .staff ? rng.uniform(0.3, 0.8) : rng.uniform(0.5, 2.5)))
    }
    var families = makeFamilies(providers: centralIDs, perFamily: 1...2, scaleStart: 2...5, rng: &rng)
    for f in families.indices {
      families[f].transitionCostPerFTE = Self.round(rng.uniform(8_000, 20_000), to: 500)
    }

    var tasks: [ITTask] = []
    for home in homeUnits {
      let count = min(families.count, rng.integer(6, 16))
      for family in rng.sample(families, count: count) {
        let fte = max(0.1, Self.round(home.size * rng.uniform(0.3, 3.0), to: 0.1))
        let name = "\(family.name) (\(units.first { $0.id == home.id }!.name))"
        var task = ITTask(
          id: "\(home.id)-\(family.id)", name: name, family: family.id, unit: home.id, fte: fte)
        decorate(&task, rng: &rng)
        tasks.append(task)
      }
    }
    let capacities = capacitiesFor(
      providers: centralIDs, families: families, tasks: tasks, share: 0.3...0.45, rng: &rng)
    for index in units.indices {
      if let capacity = capacities[units[index].id] { units[index].capacityFTE = capacity }
    }

    let totalFTE = tasks.reduce(0) { $0 + $1.fte }
    var policy = Policy(
      retained: RetainedOrganisation(minShare: 0.1, minFTE: 0.5),
      budget: YearValues(constant: Self.round(totalFTE * 6_000, to: 10_000)),
      maxMovedFTEPerWave: YearValues(constant: Self.round(max(5, totalFTE * 0.3), to: 1)))
    let movable = tasks.filter { !$0.dedicated }
    if movable.count >= 3 {
      let pair = movable.filter { $0.unit == movable[0].unit }.prefix(2).map(\.id)
      if pair.count == 2 { policy.together.append(pair) }
      policy.mustStay.append(movable[movable.count - 1].id)
    }
    // The pilot is the unit of the first task of a family that can move (not dedicated, not in
    // must_stay): the first family's if it has one, else the next family's.
    let canMove = movable.filter { !policy.mustStay.contains($0.id) }
    for family in families {
      if let first = canMove.first(where: { $0.family == family.id }) {
        policy.pilots.append(Pilot(family: family.id, unit: first.unit))
        break
      }
    }
    return Scenario(
      name:
        "Synthetische Großstadt: \(unitCount) Einheiten, \(families.count) Aufgabenbereiche (Seed \(seed))",
      horizon: Horizon(start: startYear, years: waves), discountRate: 0.03, units: units, families: families,
      tasks: tasks, policy: policy)
  }

  // MARK: Shared parts

  /// Families with their providers, centre economics and economies-of-scale curves.
  private func makeFamilies(
    providers: [String], perFamily: ClosedRange<Int>, scaleStart: ClosedRange<Double>, rng: inout SplitMix64
  ) -> [TaskFamily] {
    var families: [TaskFamily] = []
    for f in 0..<self.families {
      let (baseID, baseName) = Self.familyNames[f % Self.familyNames.count]
      let round = f / Self.familyNames.count
      let id = round == 0 ? baseID : "\(baseID)-\(round + 1)"
      let name = round == 0 ? baseName : "\(baseName) \(round + 1)"
      let count = rng.integer(
        min(perFamily.lowerBound, providers.count), min(perFamily.upperBound, providers.count))
      let chosen = rng.sample(providers, count: count)
      let centre = CentreTerms(
        setupCost: Self.round(rng.uniform(40_000, 200_000), to: 1_000),
        annualOverhead: Self.round(rng.uniform(30_000, 120_000), to: 1_000),
        minFTE: Double(rng.integer(1, 3)))
      var centres: [String: ProviderCentre] = [:]
      for provider in chosen {
        var local = ProviderCentre()
        var changed = false
        if rng.chance(0.35) {
          local.existingFTE = Self.round(rng.uniform(3, 30), to: 0.1)
          local.isOpen = true
          changed = true
        }
        if rng.chance(0.3) {
          local.setupCost = Self.round(centre.setupCost * rng.uniform(0.7, 1.3), to: 1_000)
          changed = true
        }
        if changed { centres[provider] = local }
      }
      families.append(
        TaskFamily(
          id: id, name: name, providers: chosen, centre: centre, centres: centres,
          scale: scaleCurve(start: scaleStart, rng: &rng)))
    }
    return families
  }

  /// A concave curve from [0, 0] with four segments whose slopes fall from about 1 to about 0.5.
  private func scaleCurve(start: ClosedRange<Double>, rng: inout SplitMix64) -> [ScalePoint] {
    var points = [ScalePoint(pooled: 0, effective: 0)]
    var pooled = 0.0
    var effective = 0.0
    var length = rng.uniform(start.lowerBound, start.upperBound)
    var slope = rng.uniform(0.92, 1.0)
    for segment in 0..<4 {
      let nextPooled = Self.round(pooled + length, to: 0.5)
      // Rounding moves a slope by under 1 %; each slope is at least 10 % below the last.
      let nextEffective = Self.round(effective + slope * (nextPooled - pooled), to: 0.01)
      points.append(ScalePoint(pooled: nextPooled, effective: nextEffective))
      pooled = nextPooled
      effective = nextEffective
      length *= segment == 0 ? rng.uniform(2.5, 4) : rng.uniform(2, 3)
      slope *= rng.uniform(0.78, 0.9)
    }
    return points
  }

  /// Dedicated tasks, divisible tasks and concerns, at realistic rates.
  private func decorate(_ task: inout ITTask, rng: inout SplitMix64) {
    if rng.chance(0.02) {
      task.dedicated = true
      task.reason = "Fachverfahren mit besonderer Bindung an die Einheit, stadtweit einmalig"
    } else if rng.chance(0.25) {
      task.divisible = true
    }
    if rng.chance(0.04) { task.concern = Self.round(rng.uniform(5_000, 40_000), to: 1_000) }
  }

  /// Capacities that keep today's centres within bounds and leave room for `share` of the work.
  private func capacitiesFor(
    providers: [String], families: [TaskFamily], tasks: [ITTask], share: ClosedRange<Double>,
    rng: inout SplitMix64
  ) -> [String: YearValues] {
    let total = tasks.reduce(0) { $0 + ($1.dedicated ? 0 : $1.fte) }
    var result: [String: YearValues] = [:]
    for provider in providers {
      var today = 0.0
      for family in families {
        guard let local = family.centres[provider], local.isOpen else { continue }
        today += max(local.existingFTE, family.terms(at: provider).minFTE)
      }
      let first = Self.round(today + total * rng.uniform(share.lowerBound, share.upperBound), to: 1)
      let later = Self.round(first * rng.uniform(1.1, 1.3), to: 1)
      result[provider] =
        waves > 2
        ? YearValues(byYear: [startYear: first, startYear + 2: later]) : YearValues(constant: first)
    }
    return result
  }

  // MARK: Names and numbers

  /// `value` rounded to a multiple of `step` (a power of ten or a simple fraction), exactly
  /// representable in its shortest decimal form.
  static func round(_ value: Double, to step: Double) -> Double {
    if step >= 1 { return (value / step).rounded() * step }
    let scale = (1 / step).rounded()
    return (value * scale).rounded() / scale
  }

  static func padded(_ number: Int, width: Int) -> String {
    let text = String(number)
    return String(repeating: "0", count: max(0, width - text.count)) + text
  }

  static func roman(_ number: Int) -> String {
    let table: [(Int, String)] = [
      (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
      (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ]
    var rest = number
    var text = ""
    for (value, letters) in table {
      while rest >= value {
        text += letters
        rest -= value
      }
    }
    return text
  }

  static func providerName(_ index: Int) -> (String, String) {
    let regions = ["nord", "sued", "west", "ost", "mitte", "rhein", "ruhr", "lippe", "sauerland", "eifel"]
    let labels = ["Nord", "Süd", "West", "Ost", "Mitte", "Rhein", "Ruhr", "Lippe", "Sauerland", "Eifel"]
    if index < regions.count { return ("zv-\(regions[index])", "Zweckverband Kommunale IT \(labels[index])") }
    return ("zv-\(index + 1)", "Zweckverband Kommunale IT \(index + 1)")
  }

  static func townName(_ rng: inout SplitMix64) -> String {
    let stems = [
      "Al", "Bern", "Dor", "Ems", "Fal", "Gel", "Hag", "Is", "Kem", "Lin", "Mar", "Neu", "Ol", "Pad", "Rhe",
      "Sol", "Tal", "Ul", "Vel", "Wer", "Xan", "Zell", "Born", "Eich", "Lich", "Stein", "Wald", "Brück",
    ]
    let endings = [
      "dorf", "hausen", "heim", "berg", "feld", "stadt", "kirchen", "bach", "burg", "hagen", "ingen", "rode",
      "beck", "horst", "büttel", "winkel",
    ]
    return stems[rng.integer(0, stems.count - 1)] + endings[rng.integer(0, endings.count - 1)]
  }

  static let departmentNames: [(String, String)] = [
    ("haupt", "Hauptamt"), ("finanz", "Kämmerei"), ("buerger", "Bürgerbüro"), ("schule", "Schulverwaltung"),
    ("bau", "Bauamt"),
  ]

  static let topics = [
    "Finanzen", "Personal", "Bürgerservice", "Schule", "Jugend", "Soziales", "Gesundheit", "Ordnung",
    "Feuerwehr", "Umwelt", "Stadtplanung", "Bauaufsicht", "Tiefbau", "Mobilität", "Kultur", "Sport",
    "Wirtschaftsförderung", "Recht", "Gebäudemanagement", "Grünflächen", "Stadtentwässerung", "Bibliothek",
  ]

  static let familyNames: [(String, String)] = [
    ("client", "Arbeitsplatz- und Client-Support"), ("schul-it", "Schul-IT"),
    ("sap", "SAP und Finanzsoftware"),
    ("security", "IT-Sicherheit"), ("netz", "Netzwerk"), ("servicedesk", "Service Desk"),
    ("einwohner", "Fachverfahren Einwohnerwesen"), ("personenstand", "Fachverfahren Personenstand"),
    ("eakte", "E-Akte und DMS"), ("ratsinfo", "Ratsinformationssystem"), ("gis", "Geoinformation (GIS)"),
    ("web", "Webauftritt und CMS"), ("ozg", "Onlinezugang (OZG)"), ("telefonie", "Telefonie"),
    ("druck", "Druck und Scan"), ("rz", "Rechenzentrumsbetrieb"), ("backup", "Datensicherung"),
    ("lizenzen", "Lizenzmanagement"), ("beschaffung", "IT-Beschaffung"), ("projekte", "Projektmanagement"),
    ("anforderung", "Anforderungsmanagement"), ("personal-sw", "Personalwesen-Software"),
    ("kfz", "Kfz-Zulassung"), ("gewerbe", "Gewerbewesen"), ("owi", "Ordnungswidrigkeiten"),
    ("friedhof", "Friedhofswesen"), ("bauaufsicht", "Bauaufsicht-Software"), ("sozial", "Sozialsoftware"),
    ("jugendhilfe", "Jugendhilfe-Software"), ("kita", "Kita-Verwaltung"), ("wahlen", "Wahlen"),
    ("datenschutz", "Datenschutz"), ("beratung", "Digitalisierungsberatung"), ("mobil", "Mobile Geräte"),
    ("video", "Videokonferenz"), ("archiv", "Archivierung"), ("kasse", "Kassenwesen"),
    ("steuern", "Steuern und Abgaben"), ("feuerwehr-it", "Feuerwehr-IT"), ("bibliothek", "Bibliotheks-IT"),
  ]
}
