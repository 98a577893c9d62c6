#!/usr/bin/python3
"""End-to-end test of the web page in a real browser: Debian's headless chromium, driven through
WebDriver (chromium-driver + python3-selenium), against agora.cgi served by scripts/serve.

Steps: open the page, type a query into the form and submit it, check the results, click a
country facet, check the filtered results and the active filter, remove the filter, open a
person's dossier from a result, and look at the page at a phone's width. Screenshots of each step
go to --screenshots.

Exit status: 0 passed, 1 failed, 77 skipped (chromium, chromedriver, selenium or lighttpd not
installed; ctest reports it as skipped).

Usage: browser_test.py --index BIN --cgi BIN --serve SCRIPT --screenshots DIR
"""

import argparse
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import traceback
import urllib.error
import urllib.request

SKIP = 77

# A few reports written for this test (the same people and places as test_web_server.cc).
RECORDS = [
    {"id": "almaty-appeal", "lang": "en", "date": "2021-04-12",
     "title": "Court in Almaty rejects the appeal of a rights lawyer",
     "text": "The rights defender Yevgeniy Zhovtis said on Monday that the court in Almaty had "
             "rejected his appeal without hearing a single witness. Observers from the OSCE "
             "attended the hearing in Kazakhstan and described the proceedings as hurried."},
    {"id": "sobraniya", "lang": "ru", "date": "2022-06-03",
     "title": "Правозащитник Евгений Жовтис о свободе собраний",
     "text": "Правозащитник Евгений Жовтис заявил, что закон о мирных собраниях в Казахстане "
             "по-прежнему ограничивает права граждан. По словам Жовтиса, полиция задержала "
             "десять участников пикета в Алматы."},
    {"id": "reunions", "lang": "fr", "date": "2020-09-18",
     "title": "Kazakhstan : un juriste critique la loi sur les réunions",
     "text": "Le juriste Evgueni Jovtis a déclaré que la loi sur les réunions pacifiques au "
             "Kazakhstan restait trop restrictive. Il a ajouté que des militants avaient été "
             "arrêtés à Almaty."},
    {"id": "caucasus-visit", "lang": "en", "date": "2023-02-07",
     "title": "Monitoring visit to Georgia and Armenia",
     "text": "Monitors travelled to Georgia and Armenia to observe the trials of three "
             "journalists. Yevgeniy Zhovtis joined the delegation in Tbilisi and said that the "
             "visit had been useful."},
    {"id": "calais", "lang": "fr", "date": "2019-11-05",
     "title": "France : l’accueil des demandeurs d’asile à Calais",
     "text": "Des bénévoles à Calais ont décrit les conditions de vie des demandeurs d’asile en "
             "France. La préfecture a annoncé l’ouverture de nouveaux abris avant l’hiver."},
]


def skip(reason):
    print(f"SKIPPED: {reason}")
    sys.exit(SKIP)


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_answering(url, server, seconds=20):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"scripts/serve ended with status {server.returncode}")
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return
        except urllib.error.HTTPError:
            return  # it answers, even if with an error status
        except (urllib.error.URLError, ConnectionError, socket.timeout):
            time.sleep(0.1)
    raise RuntimeError(f"scripts/serve did not answer at {url} within {seconds} s")


class Check:
    """Collects failures instead of stopping at the first one."""

    def __init__(self):
        self.failures = []

    def __call__(self, condition, message):
        print(("ok   " if condition else "FAIL ") + message)
        if not condition:
            self.failures.append(message)
        return condition


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--index", required=True, help="agora-index")
    parser.add_argument("--cgi", required=True, help="agora.cgi")
    parser.add_argument("--serve", required=True, help="scripts/serve")
    parser.add_argument("--screenshots", required=True, help="folder for the screenshots")
    args = parser.parse_args()

    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
        from selenium.webdriver.common.by import By
        from selenium.webdriver.support import expected_conditions
        from selenium.webdriver.support.ui import WebDriverWait
    except ImportError:
        skip("python3-selenium is not installed (scripts/install-deps installs it)")
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    chromedriver = shutil.which("chromedriver") or "/usr/bin/chromedriver"
    for program, package in ((chromium, "chromium"), (chromedriver, "chromium-driver")):
        if not os.access(program, os.X_OK):
            skip(f"{package} is not installed (scripts/install-deps installs it)")
    if not (shutil.which("lighttpd") or os.access("/usr/sbin/lighttpd", os.X_OK)):
        skip("lighttpd is not installed (scripts/install-deps installs it)")
    for program in (args.index, args.cgi, args.serve):
        if not os.access(program, os.X_OK):
            print(f"FAIL {program} is missing or not executable")
            return 1

    os.makedirs(args.screenshots, exist_ok=True)
    check = Check()
    work = tempfile.mkdtemp(prefix="agora-browser.")
    server = None
    driver = None
    try:
        os.makedirs(os.path.join(work, "in"))
        with open(os.path.join(work, "in", "reports.jsonl"), "w", encoding="utf-8") as f:
            for record in RECORDS:
                f.write(json.dumps(record, ensure_ascii=False) + "\n")
        db = os.path.join(work, "db")
        subprocess.run([args.index, "--db", db, os.path.join(work, "in")], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=60)

        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen([args.serve, "--port", str(port), "--db", db, "--cgi", args.cgi],
                                  stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                  stderr=subprocess.STDOUT)
        wait_until_answering(base + "/", server)

        options = webdriver.ChromeOptions()
        options.binary_location = chromium
        for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                     "--lang=en-GB", "--window-size=1280,900",
                     f"--user-data-dir={os.path.join(work, 'profile')}"):
            options.add_argument(flag)
        driver = webdriver.Chrome(service=Service(executable_path=chromedriver), options=options)
        driver.set_page_load_timeout(20)
        wait = WebDriverWait(driver, 10)

        def shot(name):
            path = os.path.join(args.screenshots, name)
            driver.save_screenshot(path)
            print(f"     screenshot {path}")

        def results():
            return driver.find_elements(By.CSS_SELECTOR, "#results li.result")

        # 1. The empty page: a search form.
        driver.get(base + "/")
        form = wait.until(expected_conditions.presence_of_element_located((By.ID, "search")))
        check(form.get_attribute("method").lower() == "get", "the page opens with the search form")
        shot("01-home-desktop.png")

        # 2. Type a query and submit the form with its button.
        box = form.find_element(By.NAME, "q")
        box.clear()
        box.send_keys("Zhovtis")
        form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        wait.until(expected_conditions.presence_of_element_located((By.ID, "results")))
        check("q=Zhovtis" in driver.current_url, f"submitting the form loads {driver.current_url}")
        check(len(results()) == 4, f"the query finds 4 reports (found {len(results())})")
        marks = [m.text for m in driver.find_elements(By.CSS_SELECTOR, "#results p.snippet mark")]
        check("Zhovtis" in marks and "Жовтис" in marks,
              f"snippets mark the name in both scripts ({sorted(set(marks))})")
        check(driver.find_element(By.NAME, "q").get_attribute("value") == "Zhovtis",
              "the form keeps the query")
        shot("02-results-desktop.png")

        # 3. Click the Kazakhstan value of the country facet.
        facet = None
        for link in driver.find_elements(By.CSS_SELECTOR,
                                         '#facets section[data-facet="country"] a.facet-value'):
            if "Kazakhstan" in link.text:
                facet = link
        if check(facet is not None, "the country facet offers Kazakhstan"):
            count = facet.find_element(By.CSS_SELECTOR, ".facet-count").text.strip()
            check(count == "3", f"Kazakhstan is counted 3 times (counted {count})")
            facet.click()
            wait.until(expected_conditions.staleness_of(facet))
            wait.until(expected_conditions.presence_of_element_located((By.ID, "results")))
            check(len(results()) == 3, f"the facet filters to 3 reports (found {len(results())})")
            titles = " | ".join(r.find_element(By.CSS_SELECTOR, "a.title").text for r in results())
            check("Georgia" not in titles, f"the report about Georgia is filtered out ({titles})")
            filters = driver.find_elements(By.CSS_SELECTOR, "#filters li")
            check(len(filters) == 1 and "Kazakhstan" in filters[0].text,
                  "the active filter is shown: " + " / ".join(f.text for f in filters))
            check(driver.find_element(By.NAME, "q").get_attribute("value") == "Zhovtis",
                  "the query is kept with the filter")
            shot("03-filtered-desktop.png")

            # 4. Remove the filter again.
            remove = driver.find_element(By.CSS_SELECTOR, "#filters a.remove-filter")
            remove.click()
            wait.until(expected_conditions.staleness_of(remove))
            check(len(results()) == 4, f"removing the filter gives 4 reports ({len(results())})")

        # 5. A person's link opens the dossier.
        persons = driver.find_elements(By.CSS_SELECTOR, "#results a.person")
        if check(len(persons) > 0, "results link the persons they mention"):
            person = persons[0]
            name = person.text
            person.click()
            dossier = wait.until(expected_conditions.presence_of_element_located((By.ID, "dossier")))
            heading = dossier.find_element(By.TAG_NAME, "h1").text
            check(bool(heading), f"the link to {name} opens a dossier headed {heading}")
            mentions = driver.find_elements(By.CSS_SELECTOR, "#mentions li.mention")
            check(len(mentions) >= 3, f"the dossier lists the documents ({len(mentions)})")
            shot("04-dossier-desktop.png")

        # 6. The same pages at a phone's width: nothing wider than the screen.
        driver.set_window_size(390, 844)
        for name, target in (("05-results-phone.png", "/?q=Zhovtis"),
                             ("06-filtered-phone.png", "/?q=Zhovtis&country=KZ")):
            driver.get(base + target)
            wait.until(expected_conditions.presence_of_element_located((By.ID, "results")))
            overflow = driver.execute_script(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;")
            check(overflow <= 1, f"{target} fits a 390 px wide screen (overflow {overflow} px)")
            shot(name)
    except Exception:  # noqa: BLE001 - any error is a failure, with its trace
        traceback.print_exc()
        check.failures.append("unexpected error")
    finally:
        if driver is not None:
            try:
                driver.quit()
            except Exception:  # noqa: BLE001
                pass
        if server is not None:
            server.send_signal(signal.SIGTERM)
            try:
                output, _ = server.communicate(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                output, _ = server.communicate()
            if check.failures:
                print("scripts/serve printed:\n" + output.decode("utf-8", "replace"))
        shutil.rmtree(work, ignore_errors=True)

    if check.failures:
        print(f"{len(check.failures)} check(s) failed")
        return 1
    print("all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
