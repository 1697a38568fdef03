"""Fails CI when a module with tests ran none, or when any test was skipped.

Maven alone would let a module whose test runner is missing pass silently; this reads the JUnit XML reports of
every module (Surefire's and the airflow-dags pytest run's) and prints one line per module.
"""
import glob
import os
import sys
import xml.etree.ElementTree as ElementTree

MODULES_WITH_TESTS = ["warehouse-schema", "returns-generator", "la-sources", "jobs", "spark-jobs", "reliability", "airflow-dags",
                     "bench"]


def totals(module):
    tests = failures = skipped = 0
    for report in glob.glob(os.path.join(module, "target", "**", "TEST-*.xml"), recursive=True) + \
            glob.glob(os.path.join(module, "target", "pytest-reports", "*.xml")):
        root = ElementTree.parse(report).getroot()
        suites = [root] if root.tag == "testsuite" else root.findall("testsuite")
        for suite in suites:
            tests += int(suite.get("tests", 0))
            failures += int(suite.get("failures", 0)) + int(suite.get("errors", 0))
            skipped += int(suite.get("skipped", 0))
    return tests, failures, skipped


def main():
    problems = []
    grand = [0, 0, 0]
    for module in MODULES_WITH_TESTS:
        tests, failures, skipped = totals(module)
        grand = [grand[0] + tests, grand[1] + failures, grand[2] + skipped]
        print(f"[ci] {module:18} {tests:5} tests, {failures} failed, {skipped} skipped")
        if tests == 0:
            problems.append(f"{module} ran no tests")
        if skipped:
            problems.append(f"{module} skipped {skipped} test(s): nothing may skip in CI")
    print(f"{grand[0] - grand[1] - grand[2]} passed, {grand[1]} failed, {grand[2]} skipped")
    if problems:
        print("[ci] FAILED: " + "; ".join(problems))
        sys.exit(1)


if __name__ == "__main__":
    main()
