import PythonRuntime
import Testing

@Suite struct SmokeTests {
  @Test func helloWorld() {
    #expect(outcome("print('hello', 1 + 2)") == "hello 3\n")
  }
}
