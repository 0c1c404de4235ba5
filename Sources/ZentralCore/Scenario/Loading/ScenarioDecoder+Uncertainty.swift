import Yams

extension ScenarioDecoder {
  /// The `uncertainty:` section: for each input a factor range `[low, high]` (uniform) or
  /// `[low, mode, high]` with `distribution: triangular`, every factor from 0.1 to 10.
  func decodeUncertainty(_ node: Node) -> Uncertainty {
    var uncertainty = Uncertainty()
    guard let mapping = reader.mapping(node, path: "uncertainty", shape: ScenarioShapes.uncertainty) else {
      return uncertainty
    }
    for input in Uncertainty.Input.allCases {
      guard let value = mapping[input.rawValue] else { continue }
      let path = mapping.path(input.rawValue)
      if let distribution = decodeFactor(value, path: path) { uncertainty.factors[input] = distribution }
    }
    return uncertainty
  }

  private func decodeFactor(_ node: Node, path: String) -> Uncertainty.Distribution? {
    guard let mapping = reader.mapping(node, path: path, shape: ScenarioShapes.uncertainFactor) else {
      return nil
    }
    let range = Uncertainty.Distribution.factorRange
    let expected =
      "a factor is a number from \(Self.plain(range.lowerBound)) to \(Self.plain(range.upperBound)), "
      + "such as 1.2 for 20 % more than the scenario says"
    var kind = "uniform"
    if let node = mapping["distribution"],
      let text = reader.text(node, path: mapping.path("distribution"), expected: "uniform or triangular")
    {
      guard ["uniform", "triangular"].contains(text) else {
        reader.error(
          mapping.path("distribution"), at: node.mark,
          "'\(NodeReader.shorten(text))' is not a distribution zentral samples; use uniform or triangular")
        return nil
      }
      kind = text
    }
    guard let factorNode = mapping["factor"] else { return nil }
    let factorPath = mapping.path("factor")
    let count = kind == "triangular" ? 3 : 2
    let shape = kind == "triangular" ? "[low, most likely, high]" : "[low, high]"
    guard let elements = reader.list(factorNode, path: factorPath, expected: "the factor is a list \(shape)")
    else { return nil }
    guard elements.count == count else {
      reader.error(
        factorPath, at: factorNode.mark,
        "the list has \(elements.count) number\(elements.count == 1 ? "" : "s"); a \(kind) factor is \(shape)"
      )
      return nil
    }
    var values: [Double] = []
    for (index, element) in elements.enumerated() {
      let elementPath = NodeReader.element(factorPath, index)
      guard
        let value = reader.number(
          element, path: elementPath, expected: expected, quantity: .money(unit: "times the scenario's value")
        )
      else { return nil }
      guard range.contains(value) else {
        reader.error(elementPath, at: element.mark, "\(Self.plain(value)) is out of range; \(expected)")
        return nil
      }
      values.append(value)
    }
    guard values == values.sorted() else {
      reader.error(
        factorPath, at: factorNode.mark,
        "\(values.map(Self.plain).joined(separator: ", ")) is not in order; a \(kind) factor is \(shape), "
          + "smallest first")
      return nil
    }
    return count == 3
      ? .triangular(low: values[0], mode: values[1], high: values[2])
      : .uniform(low: values[0], high: values[1])
  }

  /// A factor as the scenario writes it (`1.2`, `10`).
  private static func plain(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
  }
}
