"""Word lists both benchmark scripts draw from, so that they generate the same kind of
people (each script keeps the lists it tunes for itself)."""

from __future__ import annotations


def words(text: str, sep: str | None = None) -> list[str]:
    """The items of a word list written as a block of text (one per word, or per `sep`)."""
    return [w.strip() for w in text.replace("\n", "" if sep else " ").split(sep) if w.strip()]


COMPANIES = words(
    """
Acme Corp|Globex|Initech|Umbrella Health|Stark Industries|Wayne Enterprises|Hooli|Pied Piper
|Google|Microsoft|Amazon|Apple|Meta|Netflix|Stripe|Shopify|Atlassian|Salesforce|Oracle|IBM
|Accenture|Deloitte|McKinsey & Company|Boston Consulting Group|Bain & Company|KPMG|PwC|EY
|JPMorgan Chase|Goldman Sachs|Morgan Stanley|Capital One|American Express|Visa|Mastercard
|Pfizer|Moderna|Johnson & Johnson|Kaiser Permanente|Mayo Clinic|Tesla|Rivian|Ford|Boeing
|Airbus|Siemens|SAP|Spotify|Klarna|Adyen|Booking.com|Zalando|Nestlé|Unilever|Procter & Gamble
|Nike|Patagonia|Target|Walmart|Costco|IKEA|Airbnb|Uber|Lyft|DoorDash|Instacart|Figma|Canva
|Notion|Slack|Zoom|Dropbox|Datadog|Snowflake|Databricks|MongoDB|Elastic|GitLab|GitHub
|HashiCorp|Cloudflare|Twilio|Okta|CrowdStrike|Palo Alto Networks|Intel|AMD|NVIDIA|Qualcomm
|Arm|ASML|Samsung|Sony|Nintendo|Toyota|Infosys|Tata Consultancy Services|Wipro|Mercado Libre
|Nubank|Flutterwave|Andela|City of Chicago|UNICEF|World Bank|Gates Foundation
|Stanford University|MIT|Harvard University|University of Toronto|ETH Zürich
|Self-employed|Freelance
""",
    "|",
)
ROLES = words(
    """
Software Engineer|Product Manager|Data Scientist|UX Designer|Product Designer|Recruiter
|Technical Recruiter|Engineering Manager|Data Analyst|Marketing Manager|Account Executive
|Customer Success Manager|DevOps Engineer|Site Reliability Engineer|Machine Learning Engineer
|Research Scientist|Business Analyst|Consultant|Project Manager|Program Manager|Sales Engineer
|Solutions Architect|Security Engineer|Content Strategist|Operations Manager|Financial Analyst
""",
    "|",
)
EXEC_TITLES = [
    "Director of Engineering",
    "VP of Product",
    "Head of Talent",
    "Chief Technology Officer",
    "Founder & CEO",
    "Co-founder",
    "Head of Data",
    "Director, Design",
]
