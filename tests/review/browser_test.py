#!/usr/bin/env python3
"""The review page in a real Chromium (headless, driven by Selenium): approve the best proposal
with its button, then `termalign lookup` shows the term approved in the entity it was proposed
for. Keeps a screenshot of the terms view. Exits 77 (skipped) when Chromium, its driver or
Selenium is missing."""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

SKIP = 77


def skip(why):
    print(f"skipped: {why}")
    sys.exit(SKIP)


def lookup_terms(binary, work, term):
    """'status:text' of each term of the first entity `lookup` finds for `term`."""
    out = subprocess.run([binary, "lookup", "--all", "--json", "--db", "o/termalign.db", term],
                         cwd=work, capture_output=True, text=True, check=True).stdout
    entity = json.loads(out.splitlines()[0])
    return {f"{t['status']}:{t['text']}" for t in entity["terms"]}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--examples", required=True)
    parser.add_argument("--artifacts", required=True)
    args = parser.parse_args()

    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
        from selenium.webdriver.common.by import By
        from selenium.webdriver.support import expected_conditions
        from selenium.webdriver.support.ui import WebDriverWait
    except ImportError:
        skip("python3-selenium is not installed (scripts/install-deps.sh --ci)")
    chromium = shutil.which("chromium")
    driver_path = shutil.which("chromedriver")
    if not chromium or not driver_path:
        skip("chromium and chromium-driver are not installed (scripts/install-deps.sh --ci)")

    os.makedirs(args.artifacts, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="termalign-browser-") as work:
        subprocess.run([args.binary, "run", args.examples, "-o", "o", "-q"], cwd=work,
                       check=True, stdout=subprocess.DEVNULL)
        server = subprocess.Popen([args.binary, "review", "o", "-q"], cwd=work,
                                  stdout=subprocess.PIPE, text=True)
        driver = None
        try:
            url = server.stdout.readline().strip()
            assert url.startswith("http://127.0.0.1:"), url
            options = webdriver.ChromeOptions()
            options.binary_location = chromium
            for flag in ("--headless=new", "--no-sandbox", "--disable-gpu",
                         "--disable-dev-shm-usage", "--window-size=1280,900"):
                options.add_argument(flag)
            driver = webdriver.Chrome(service=Service(executable_path=driver_path),
                                      options=options)
            driver.get(url)
            wait = WebDriverWait(driver, 30)
            first = wait.until(expected_conditions.presence_of_element_located(
                (By.CSS_SELECTOR, "#proposals .proposal")))
            driver.save_screenshot(os.path.join(args.artifacts, "review-terms.png"))
            proposal_id = first.get_attribute("data-id")
            term = first.find_element(By.CSS_SELECTOR, ".pair .term").text
            before = lookup_terms(args.binary, work, term)
            assert f"approved:{term}" not in before, before

            first.find_element(By.CSS_SELECTOR, "button.approve").click()
            wait.until(lambda d: f"(p{proposal_id})" in d.find_element(By.ID, "status").text)
            status = driver.find_element(By.ID, "status")
            assert "error" not in (status.get_attribute("class") or ""), status.text
            assert status.text == f"approved '{term}' (p{proposal_id})", status.text
            # The list was read again: the decided proposal is gone from it.
            wait.until(lambda d: not d.find_elements(
                By.CSS_SELECTOR, f'#proposals .proposal[data-id="{proposal_id}"]'))
            driver.save_screenshot(os.path.join(args.artifacts, "review-terms-approved.png"))

            after = lookup_terms(args.binary, work, term)
            assert f"approved:{term}" in after, after
            assert len(after) > len(before), (before, after)
            print(f"approved p{proposal_id} '{term}' in the page; lookup now shows {sorted(after)}")
        finally:
            if driver is not None:
                driver.quit()
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
