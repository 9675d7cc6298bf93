"""The demo workbook's candidates and CVs: constant sample data only (see ``demo.py``).

All people are invented. Emails use the reserved example.com/.org/.net domains and
phone numbers the "555 01xx" and UK drama (07700 900xxx) ranges, so none can reach
a real person. Profile handles are made up.
"""

from __future__ import annotations

from typing import NamedTuple

from hiring_desk.services.demo.demo_data import REJECTION_REASONS

_SKILLS, _SALARY, _CHOSEN, _LATE, _NO_SHOW = REJECTION_REASONS[:5]


class Apply(NamedTuple):
    """An application: role key, current stage, and for closed ones where it stopped."""

    role: str
    stage: str
    reached: str | None = None
    reason: str | None = None


class CandidateData(NamedTuple):
    name: str
    email: str
    phone: str
    location: str
    source: str
    title: str
    years: int
    salary_thousands: int
    notice_weeks: int
    work_mode: str
    skills: str  # comma-separated
    tags: str  # comma-separated
    apps: tuple[Apply, ...]
    notes: str
    linkedin: str = ""
    github: str = ""
    address: str = ""
    currency: str = "EUR"


class JobData(NamedTuple):
    period: str
    position: str
    bullets: tuple[str, ...]


class CvData(NamedTuple):
    summary: str
    jobs: tuple[JobData, ...]
    education: str


# Hand-aligned table: one candidate per block.
# fmt: off
CANDIDATES: tuple[CandidateData, ...] = (
    # -- Backend Developer -------------------------------------------------------
    CandidateData(
        "Siobhán Kearney", "siobhan.kearney@example.com", "+353 85 555 0101", "Dublin, Ireland",
        "referral", "Backend Developer", 4, 60, 4, "hybrid",
        "Python, Django, PostgreSQL, REST, Docker, Unit testing, Git", "referral, strong-hire",
        (Apply("mid", "hired"),),
        "Referred by Tomás, who worked with her at Ledgerline. Signed the offer; four weeks' "
        "notice.", linkedin="siobhan-kearney-dev", github="skearney",
        address="Apartment 12, Weavers Court\nCork Street\nDublin 8\nIreland",
    ),
    CandidateData(
        "José Manuel Ortega", "jose.ortega@example.net", "+34 611 555 0102", "Valencia, Spain",
        "linkedin", "Python Developer", 5, 58, 8, "hybrid",
        "Python, FastAPI, PostgreSQL, REST, Docker, Redis, Git", "relocation",
        (Apply("mid", "shortlisted"),),
        "Happy to move to Dublin within two months; asked whether we help with the move.",
        linkedin="josemortega", github="jmortega-dev",
    ),
    CandidateData(
        "Zoë Lambert", "zoe.lambert@example.org", "+353 87 555 0103", "Cork, Ireland",
        "careers_page", "Software Engineer", 3, 55, 4, "hybrid",
        "Python, Flask, PostgreSQL, REST, Unit testing, Git", "testing-minded",
        (Apply("mid", "shortlisted"),),
        "Would take the train up two days a week. Very clean, well-tested code in the "
        "interview exercise.", linkedin="zoe-lambert-se",
    ),
    CandidateData(
        "Łukasz Wiśniewski", "lukasz.wisniewski@example.com", "+353 83 555 0104",
        "Dublin, Ireland", "indeed", "Backend Developer (PHP)", 4, 57, 4, "on_site",
        "PHP, Laravel, MySQL, REST, Docker, Git", "php-to-python",
        (Apply("mid", "interview"),),
        "Strong on MySQL and Laravel; learning Python in the evenings and shared a small "
        "FastAPI project.", github="lwisniewski",
        address="7 Larkspur Mews\nPhibsborough\nDublin 7\nIreland",
    ),
    CandidateData(
        "Nguyễn Thị Mai", "mai.nguyen@example.net", "+353 89 555 0105", "Dublin, Ireland",
        "glassdoor", "Software Developer", 3, 52, 2, "hybrid",
        "Python, Django, PostgreSQL, JavaScript/Node.js, Git", "full-stack",
        (Apply("mid", "interview"),),
        "Full-stack so far and keen to focus on the backend. Two weeks' notice.",
        linkedin="mai-nguyen-dev", github="maint",
    ),
    CandidateData(
        "Ирина Соколова", "irina.sokolova@example.com", "+353 86 555 0106",
        "Limerick, Ireland", "linkedin", "Backend Engineer (Java)", 5, 62, 4, "hybrid",
        "Java, Spring, PostgreSQL, REST, Docker, Kubernetes, Git", "java",
        (Apply("sen", "rejected", "screening", _SKILLS), Apply("mid", "interview")),
        "Applied for the senior role first; moved to the mid-level role after screening, "
        "with her agreement. Would come up from Limerick twice a week.",
        linkedin="irina-sokolova-eng",
    ),
    CandidateData(
        "Søren Kjær", "soren.kjaer@example.org", "+353 85 555 0107", "Galway, Ireland",
        "upwork", "Freelance Backend Developer", 7, 65, 2, "remote",
        "Python, Go, PostgreSQL, Redis, Docker, AWS, Git", "freelancer, remote-only",
        (Apply("mid", "screening"), Apply("sen", "applied")),
        "Freelancing through Upwork; wants a permanent job but only remote. Check the fit "
        "with our hybrid policy.", github="skjaer",
    ),
    CandidateData(
        "Aoife Brennan", "aoife.brennan@example.com", "+353 87 555 0108", "Dublin, Ireland",
        "monster", "Technical Support Engineer", 2, 45, 4, "on_site",
        "SQL Server, C#/.NET, JSON, Git", "junior",
        (Apply("mid", "rejected", "screening", _SKILLS),),
        "Keen, but mostly support work so far. Suggested she applies again for a junior "
        "opening.",
    ),
    CandidateData(
        "Mateus Oliveira", "mateus.oliveira@example.net", "+351 912 555 0109",
        "Lisbon, Portugal", "agency", "Backend Developer", 4, 56, 4, "remote",
        "Python, Django, PostgreSQL, REST, Docker, GraphQL", "agency, relocation",
        (Apply("mid", "screening"),),
        "Put forward by the agency (15% fee agreed). Open to moving to Dublin.",
        linkedin="mateus-oliveira-backend",
    ),
    CandidateData(
        "王磊", "wang.lei@example.com", "+353 83 555 0110", "Dublin, Ireland",
        "careers_page", "Software Engineer", 3, 54, 4, "hybrid",
        "Python, Flask, MySQL, Redis, REST, Git", "",
        (Apply("mid", "applied"),),
        "Master's in computer science in Dublin; applied through the careers page.",
        github="wanglei-code",
    ),
    CandidateData(
        "Priyanka Deshmukh", "priyanka.deshmukh@example.org", "+353 86 555 0111",
        "Dublin, Ireland", "indeed", "QA Automation Engineer", 4, 50, 4, "hybrid",
        "Python, Unit testing, Test automation, REST, Jenkins, Git", "testing, career-change",
        (Apply("mid", "applied"),),
        "Moving from test automation to backend work; strong pytest and CI experience.",
        linkedin="priyanka-deshmukh-qa",
    ),
    CandidateData(
        "Conor McCarthy", "conor.mccarthy@example.com", "+353 87 555 0112",
        "Naas, Co. Kildare, Ireland", "other", "Backend Developer", 3, 53, 4, "hybrid",
        "Python, Django, PostgreSQL, REST, Linux/Unix, Git", "meetup",
        (Apply("mid", "applied"),),
        "Met Tomás at a Python meetup and emailed his CV the next day.",
        address="22 Foxglove Drive\nNaas\nCo. Kildare\nIreland", github="conormc",
    ),
    CandidateData(
        "Fatima Zahra El Amrani", "fatima.elamrani@example.net", "+353 89 555 0113",
        "Dublin, Ireland", "linkedin", "Backend Developer (Node.js)", 3, 56, 4, "hybrid",
        "JavaScript/Node.js, Express.js, MongoDB, REST, Docker, Git", "node",
        (Apply("mid", "applied"),),
        "Node.js background and curious about Python. Speaks Arabic, French and English.",
        linkedin="fatimazahra-elamrani",
    ),
    CandidateData(
        "Олександр Коваленко", "oleksandr.kovalenko@example.com", "+353 85 555 0114",
        "Dublin, Ireland", "indeed", "Senior Python Developer", 6, 76, 4, "hybrid",
        "Python, Django, PostgreSQL, Redis, REST, Docker, AWS", "over-budget",
        (Apply("mid", "rejected", "interview", _SALARY),),
        "Very good technical interview, but his expectation is well above the mid-level "
        "band. Keep him in mind for senior openings.", github="okovalenko",
    ),
    CandidateData(
        "Hannah Schmidt", "hannah.schmidt@example.org", "+49 151 555 0115", "Berlin, Germany",
        "glassdoor", "Backend Developer (Go)", 3, 64, 12, "remote",
        "Go, PostgreSQL, Docker, Kubernetes, REST", "",
        (Apply("mid", "rejected", "applied", _LATE),),
        "Three months' notice in her current job; we need someone sooner.",
    ),
    CandidateData(
        "Rory Fitzgerald", "rory.fitzgerald@example.com", "+353 83 555 0116",
        "Bray, Co. Wicklow, Ireland", "careers_page", "Junior Backend Developer", 3, 54, 4,
        "on_site", "Python, Flask, PostgreSQL, Git", "",
        (Apply("mid", "rejected", "screening", _NO_SHOW),),
        "Missed the screening call twice without letting us know.",
    ),
    CandidateData(
        "Elif Yılmaz", "elif.yilmaz@example.net", "+353 86 555 0117", "Dublin, Ireland",
        "agency", "Software Engineer", 4, 58, 4, "hybrid",
        "Python, Django, PostgreSQL, REST, Docker, Git", "agency",
        (Apply("mid", "withdrawn", "interview"),),
        "Withdrew after the phone screen: took a counter-offer from her current employer.",
        linkedin="elif-yilmaz-swe",
    ),
    CandidateData(
        "渡辺健二", "kenji.watanabe@example.com", "+353 89 555 0118", "Dublin, Ireland",
        "monster", "Backend Engineer", 5, 60, 4, "hybrid",
        "Python, Ruby, Ruby on Rails, PostgreSQL, REST, Git", "",
        (Apply("mid", "screening"),),
        "Rails and Python; moved to Dublin last year. Screening call to book with Priya.",
        github="kwatanabe",
    ),
    # -- Senior Backend Developer ------------------------------------------------
    CandidateData(
        "Αλέξανδρος Παπαδόπουλος", "alexandros.papadopoulos@example.com", "+30 690 555 0119",
        "Athens, Greece", "linkedin", "Senior Backend Engineer", 9, 90, 8, "remote",
        "Python, Django, PostgreSQL, API design, Docker, Kubernetes, AWS, Mentoring",
        "relocation, backup",
        (Apply("sen", "shortlisted"),),
        "Excellent system design round. Would move to Dublin in spring; a strong second "
        "choice if the offer out is declined.", linkedin="alexandros-papadopoulos",
        github="apapado",
    ),
    CandidateData(
        "Margaux Lefèvre", "margaux.lefevre@example.org", "+353 87 555 0120",
        "Dún Laoghaire, Co. Dublin, Ireland", "referral", "Senior Software Engineer", 10, 88, 4,
        "hybrid",
        "Python, FastAPI, PostgreSQL, API design, AWS, Docker, Kubernetes, Code review, "
        "Mentoring", "referral, offer-out",
        (Apply("sen", "offer"),),
        "Referred by a former colleague of Niamh. Led a payments migration in her current "
        "job. Offer sent; she asked for a few days to think about the start date.",
        linkedin="margaux-lefevre", github="mlefevre",
        address="Flat 3, 18 Seabright Terrace\nDún Laoghaire\nCo. Dublin\nIreland",
    ),
    CandidateData(
        "Rajesh Iyer", "rajesh.iyer@example.net", "+353 85 555 0121", "Dublin, Ireland",
        "linkedin", "Lead Developer", 12, 105, 12, "hybrid",
        "Java, Spring, Python, PostgreSQL, Oracle, Kubernetes, Mentoring", "over-budget",
        (Apply("sen", "rejected", "shortlisted", _CHOSEN),),
        "Impressive leadership experience, but €105k is above the band and his notice is "
        "three months. We chose Margaux.", linkedin="rajesh-iyer-lead",
    ),
    CandidateData(
        "김민준", "minjun.kim@example.com", "+353 83 555 0122", "Dublin, Ireland",
        "careers_page", "Senior Backend Engineer", 8, 85, 4, "hybrid",
        "Python, Go, PostgreSQL, Redis, Docker, Kubernetes, CI/CD", "",
        (Apply("sen", "interview"),),
        "Eight years on busy booking systems in Seoul and Dublin.", github="minjun-k",
    ),
    CandidateData(
        "Oluwaseun Adeyemi", "seun.adeyemi@example.org", "+353 89 555 0123", "Dublin, Ireland",
        "agency", "Senior Software Engineer (Go)", 8, 86, 4, "remote",
        "Go, Python, PostgreSQL, API design, AWS, Docker, Kubernetes, CI/CD", "agency",
        (Apply("sen", "interview"),),
        "Prefers remote work with an office day when useful. Strong on monitoring and "
        "on-call practice.", linkedin="seun-adeyemi", github="seunadeyemi",
        address="9 Kestrel Court\nClonskeagh\nDublin 14\nIreland",
    ),
    CandidateData(
        "Ana-Maria Popescu", "ana.popescu@example.net", "+40 721 555 0124",
        "Bucharest, Romania", "upwork", "Backend Contractor", 9, 80, 2, "remote",
        "Python, PHP, Laravel, MySQL, PostgreSQL, AWS, Docker", "contractor, remote-only",
        (Apply("sen", "screening"),),
        "Contractor for nine years; would need an employer-of-record arrangement. Priya to "
        "check the cost.", linkedin="anamaria-popescu",
    ),
    CandidateData(
        "Björn Lindqvist", "bjorn.lindqvist@example.com", "+353 86 555 0125",
        "Galway, Ireland", "glassdoor", "Staff Engineer", 11, 92, 12, "remote",
        "Scala, Java, Python, PostgreSQL, Elasticsearch, AWS, Kubernetes", "",
        (Apply("sen", "screening"),),
        "Three months' notice, which he thinks he can shorten. Interested in the invoicing "
        "rebuild.", github="blindqvist",
    ),
    CandidateData(
        "Δήμητρα Νικολάου", "dimitra.nikolaou@example.net", "+30 694 555 0126",
        "Thessaloniki, Greece", "indeed", "Senior Python Developer", 7, 78, 8, "remote",
        "Python, Django, PostgreSQL, REST, Docker, GDPR awareness", "relocation",
        (Apply("sen", "applied"),),
        "Health-tech background (a patient records system); open to relocating.",
        linkedin="dimitra-nikolaou",
    ),
    CandidateData(
        "Michael O'Sullivan", "michael.osullivan@example.com", "+353 87 555 0127",
        "Cork, Ireland", "monster", "Senior Developer (.NET)", 10, 85, 4, "hybrid",
        "C#/.NET, ASP.NET, SQL Server, Azure, REST, Mentoring", "dotnet",
        (Apply("sen", "applied"),),
        "Mostly .NET so far; says he is happy to switch to Python. Would travel up weekly.",
    ),
    CandidateData(
        "Chiara Romano", "chiara.romano@example.org", "+353 83 555 0128", "Dublin, Ireland",
        "other", "Senior Backend Engineer", 8, 87, 8, "hybrid",
        "Python, FastAPI, PostgreSQL, Redis, AWS, Docker, Unit testing", "speaker",
        (Apply("sen", "applied"),),
        "Gave a conference talk on database migrations and wrote to us afterwards.",
        linkedin="chiara-romano-dev", github="chiararomano",
    ),
    CandidateData(
        "Дмитрий Орлов", "dmitry.orlov@example.com", "+353 85 555 0129", "Dublin, Ireland",
        "linkedin", "Senior Java Developer", 9, 84, 4, "on_site",
        "Java, Spring, Oracle, SOAP, XML, Jenkins, Maven", "",
        (Apply("sen", "rejected", "interview", _SKILLS),),
        "Solid Java, but the system design round showed little experience of the "
        "distributed work this role needs.", linkedin="dmitry-orlov-java",
    ),
    CandidateData(
        "Grace Okafor", "grace.okafor@example.net", "+44 7700 900130", "London, United Kingdom",
        "referral", "Senior Backend Engineer", 7, 75, 8, "remote",
        "Python, Django, PostgreSQL, AWS, Docker, Unit testing", "uk",
        (Apply("sen", "withdrawn", "screening"),),
        "Decided not to leave London after all. Happy to hear from us about remote roles.",
        linkedin="grace-okafor", currency="GBP",
    ),
    CandidateData(
        "Ahmed Hassan", "ahmed.hassan@example.com", "+353 89 555 0131", "Dublin, Ireland",
        "careers_page", "Backend Developer", 5, 70, 4, "hybrid",
        "Python, Django, PostgreSQL, REST, Docker, AWS, Git", "",
        (Apply("sen", "rejected", "applied", _SKILLS), Apply("mid", "screening")),
        "Not senior enough yet for the senior role; moved to the mid-level pipeline with "
        "his agreement.", github="ahassan-dev",
    ),
)
# fmt: on

#: Plain-text CVs, keyed by the candidate's email address.
CVS: dict[str, CvData] = {
    "siobhan.kearney@example.com": CvData(
        "Backend developer with four years of Python and Django, mostly on payment and "
        "account features. I like well-tested code and tidy database migrations.",
        (
            JobData(
                "2022 - now",
                "Backend Developer, Ledgerline Payments, Dublin",
                (
                    "Built the refunds API used by 400 merchants (Django REST framework).",
                    "Cut the nightly settlement job from 50 to 9 minutes by fixing queries.",
                    "Introduced contract tests between the API and the mobile app.",
                ),
            ),
            JobData(
                "2020 - 2022",
                "Junior Developer, Fernhill Analytics, Dublin",
                ("Maintained Flask services and PostgreSQL reports for retail clients.",),
            ),
        ),
        "BSc in Computing, 2020",
    ),
    "jose.ortega@example.net": CvData(
        "Python developer who enjoys API design and making slow things fast. Five years in "
        "logistics software; looking for a product company with a friendly team.",
        (
            JobData(
                "2021 - now",
                "Python Developer, Rutaverde Logística, Valencia",
                (
                    "Designed the FastAPI service that plans 12,000 deliveries a day.",
                    "Moved background jobs to Redis queues; added tracing and alerts.",
                ),
            ),
            JobData(
                "2019 - 2021",
                "Web Developer, Estudio Marea, Valencia",
                ("Django sites and REST APIs for small businesses.",),
            ),
        ),
        "Degree in Computer Engineering, 2019",
    ),
    "margaux.lefevre@example.org": CvData(
        "Senior software engineer with ten years on backend systems that move money. I lead "
        "design work, review a lot of code and enjoy helping newer developers grow.",
        (
            JobData(
                "2019 - now",
                "Senior Software Engineer, Tillbridge Finance, Dublin",
                (
                    "Led the move of card payments to a new provider with no downtime.",
                    "Designed the idempotent payments API (FastAPI, PostgreSQL, AWS).",
                    "Mentored four developers; two have since become senior engineers.",
                ),
            ),
            JobData(
                "2014 - 2019",
                "Software Engineer, Parcelpoint, Lyon",
                ("Billing and invoicing services in Python; PostgreSQL partitioning.",),
            ),
        ),
        "MSc in Computer Science, 2014",
    ),
    "seun.adeyemi@example.org": CvData(
        "Senior engineer working in Go and Python on high-traffic APIs. I care about "
        "observability, calm on-call rotas and clear documentation.",
        (
            JobData(
                "2020 - now",
                "Senior Software Engineer, Brightpost, Dublin",
                (
                    "Owned the tracking API (Go, PostgreSQL) at 3,000 requests a second.",
                    "Set up SLOs, dashboards and a blameless incident review routine.",
                ),
            ),
            JobData(
                "2016 - 2020",
                "Backend Engineer, Quayline Travel, London",
                ("Python booking services on AWS; Kubernetes migration.",),
            ),
        ),
        "BEng in Electronic Engineering, 2016",
    ),
}
