"""The people and words of the demo medical school that `manage.py seed_demo` creates.

Plain constants only; the command decides how they become rows. Every person here is
invented. Interests must come from INTERESTS and areas are Area slugs (profiles migration 0002).
"""

EMAIL_DOMAIN = "med.example.edu"
# Public on purpose: printed by the command so anyone trying the demo can sign in.
DEMO_PASSWORD = "demo-mentoring-2026"  # noqa: S105

DEMO_STUDENT_EMAIL = f"student@{EMAIL_DOMAIN}"
DEMO_FACULTY_EMAIL = f"faculty@{EMAIL_DOMAIN}"
DEMO_COORDINATOR_EMAIL = f"coordinator@{EMAIL_DOMAIN}"
DEMO_STAFF_EMAIL = f"staff@{EMAIL_DOMAIN}"
# The faculty member students ask most often, as the literature says happens to women and
# minority faculty; the demo shows her at capacity.
BUSIEST_FACULTY_EMAIL = f"amara.okafor@{EMAIL_DOMAIN}"

DEMO_SIGN_INS = [
    ("Student", DEMO_STUDENT_EMAIL),
    ("Faculty", DEMO_FACULTY_EMAIL),
    ("Coordinator", DEMO_COORDINATOR_EMAIL),
    ("Staff", DEMO_STAFF_EMAIL),
]

# Department name -> where its faculty usually meet students.
DEPARTMENTS = {
    "Internal Medicine": "University Hospital, Medicine Tower",
    "Surgery": "University Hospital, Surgical Pavilion",
    "Psychiatry": "Behavioral Health Center",
    "Pediatrics": "Children's Hospital",
    "Pharmacology": "Biomedical Sciences Building",
    "Family Medicine": "Eastside Family Health Center",
    "Obstetrics and Gynecology": "Women's and Infants' Pavilion",
    "Emergency Medicine": "University Hospital, Emergency Department",
    "Neurology": "Neuroscience Institute",
    "Radiology": "University Hospital, Imaging Center",
    "Anesthesiology": "University Hospital, Perioperative Services",
    "Pathology": "Clinical Laboratories Building",
}

INTERESTS = [
    # Clinical fields
    "hospital medicine",
    "cardiology",
    "infectious diseases",
    "nephrology",
    "geriatrics",
    "palliative care",
    "oncology",
    "critical care",
    "trauma surgery",
    "transplant surgery",
    "surgical oncology",
    "minimally invasive surgery",
    "addiction psychiatry",
    "child and adolescent psychiatry",
    "consultation-liaison psychiatry",
    "neonatology",
    "pediatric infectious diseases",
    "adolescent medicine",
    "primary care",
    "rural medicine",
    "sports medicine",
    "addiction medicine",
    "maternal-fetal medicine",
    "reproductive health",
    "women's health",
    "emergency ultrasound",
    "stroke",
    "epilepsy",
    "neurodegenerative disease",
    "interventional radiology",
    "imaging informatics",
    "pain management",
    "laboratory medicine",
    # Pharmacology
    "pharmacology",
    "clinical pharmacology",
    "psychopharmacology",
    "pharmacogenomics",
    "drug development",
    "antimicrobial stewardship",
    "toxicology",
    # Across fields
    "health equity",
    "medical education",
    "global health",
    "quality improvement",
    "patient safety",
    "health policy",
    "bioethics",
    "physician wellbeing",
    "LGBTQ+ health",
    "narrative medicine",
    "clinical research",
    "health services research",
    "digital health",
    "harm reduction",
    "immigrant health",
    "refugee health",
    "community health",
    "Indigenous health",
]

# What each career stage is usually best placed to offer (see DOMAIN.md, career stage).
MENTOR_AREAS_BY_STAGE = {
    "junior": [
        "clinical-skills",
        "study-skills",
        "work-habits",
        "wellbeing",
        "belonging",
        "teaching",
        "presenting-publishing",
    ],
    "mid": [
        "research",
        "presenting-publishing",
        "residency-applications",
        "clinical-skills",
        "career-planning",
        "teaching",
        "wellbeing",
    ],
    "late": [
        "career-planning",
        "leadership",
        "residency-applications",
        "research",
        "global-health",
        "presenting-publishing",
        "belonging",
    ],
}

# Area slug -> one sentence of "what I can offer".
AREA_OFFERS = {
    "career-planning": "Honest talk about specialty choice, including the parts of my field "
    "nobody puts in the brochure.",
    "research": "A first research project sized to your schedule, and help reading papers "
    "critically.",
    "clinical-skills": "Practice with oral presentations and the physical exam, with specific "
    "feedback afterwards.",
    "study-skills": "A study plan for exams that you can actually keep, and a check-in when "
    "it slips.",
    "residency-applications": "A careful read of your personal statement, mock interviews, "
    "and advice on your rank list.",
    "presenting-publishing": "Help turning a case or project into an abstract or poster, and "
    "a rehearsal before you present.",
    "work-habits": "Practical ways to manage time, e-mail and to-do lists on busy rotations.",
    "wellbeing": "A place to talk about keeping a life outside medicine, without judgement.",
    "teaching": "Chances to teach junior students, and feedback on your teaching.",
    "leadership": "Introductions to committees and people who can give you a seat at the table.",
    "global-health": "Guidance on ethical global and community health work, and contacts at "
    "partner sites.",
    "belonging": "Someone to talk with about identity, belonging and finding your place in "
    "medicine.",
}

CANNOT_OFFER = [
    "I can't write letters for students I haven't worked with clinically.",
    "I'm not the right person for research funding questions.",
    "I can't meet in person during my clinical weeks; e-mail works best then.",
    "I can't offer a paid research position or promise a publication.",
    "I can't advise on MD-PhD or other dual-degree paths.",
    "I can't help with board exam content review.",
    "I can't promise weekly meetings; every two to three weeks is realistic for me.",
    "I'm not able to help with visa or international application questions.",
    "I can't commit to evenings or weekends.",
    "I'm not a good fit for bench research questions.",
]

# One entry per faculty member. Optional keys: email, areas, capacity, is_accepting, modes,
# location, gender, background (the last two are private and self-described, so only some).
FACULTY = [
    {
        "name": "Amara Okafor",
        "email": BUSIEST_FACULTY_EMAIL,
        "department": "Internal Medicine",
        "specialty": "Hospital medicine",
        "stage": "mid",
        "title": "Associate Professor of Medicine; Associate Clerkship Director",
        "interests": ["hospital medicine", "health equity", "medical education", "global health"],
        "areas": ["clinical-skills", "career-planning", "belonging", "residency-applications"],
        "capacity": 6,
        "is_accepting": True,
        "gender": "woman",
        "background": "Nigerian American; first in my family to attend college",
        "bio": "I'm a hospitalist who spends most of my teaching time on the wards with "
        "third-year students. I care about who gets into medicine and who stays, and I'm glad "
        "to talk about anything from oral presentations to the hidden curriculum.",
    },
    {
        "name": "Robert Lindqvist",
        "department": "Internal Medicine",
        "specialty": "Cardiology",
        "stage": "late",
        "title": "Professor of Medicine (Cardiology)",
        "interests": ["cardiology", "clinical research", "quality improvement"],
        "bio": "I've run heart failure trials here for twenty-five years and watched dozens of "
        "students publish their first paper. I like mentees who come with questions, not only "
        "a request for a project.",
    },
    {
        "name": "Priya Raman",
        "department": "Internal Medicine",
        "specialty": "Infectious diseases",
        "stage": "junior",
        "title": "Assistant Professor of Medicine (Infectious Diseases)",
        "interests": ["infectious diseases", "antimicrobial stewardship", "global health"],
        "bio": "I finished fellowship three years ago, so I remember the match well. I lead our "
        "antibiotic stewardship rounds and spent a year working in a TB clinic in Chennai.",
    },
    {
        "name": "Daniel Cho",
        "department": "Internal Medicine",
        "specialty": "Nephrology",
        "stage": "mid",
        "title": "Associate Professor of Medicine (Nephrology)",
        "interests": ["nephrology", "clinical pharmacology", "health services research"],
        "bio": "I study how drug dosing goes wrong in patients with kidney disease. I'm happy to "
        "help you design a small chart review or think through whether nephrology fits you.",
    },
    {
        "name": "Fatima Al-Sayed",
        "department": "Internal Medicine",
        "specialty": "Geriatrics and palliative care",
        "stage": "junior",
        "title": "Assistant Professor of Medicine (Geriatrics)",
        "interests": ["geriatrics", "palliative care", "bioethics"],
        "gender": "woman",
        "background": "Arab American, Muslim",
        "bio": "I care for older adults in clinic and on our palliative care consult service. I "
        "enjoy helping students get comfortable with conversations about serious illness.",
    },
    {
        "name": "Miguel Ángel Torres",
        "department": "Internal Medicine",
        "specialty": "Medical oncology",
        "stage": "late",
        "title": "Professor of Medicine (Oncology)",
        "interests": ["oncology", "drug development", "clinical research"],
        "gender": "man",
        "background": "Puerto Rican",
        "bio": "I lead early-phase cancer drug trials and have mentored students, residents and "
        "fellows for many years. I'm most useful for long-term career planning and for knowing "
        "whom to call.",
    },
    {
        "name": "Helen Whitaker",
        "department": "Surgery",
        "specialty": "Trauma and acute care surgery",
        "stage": "late",
        "title": "Professor of Surgery; Vice Chair for Education",
        "interests": ["trauma surgery", "critical care", "quality improvement", "patient safety"],
        "bio": "I've been a trauma surgeon for thirty years and chaired our residency selection "
        "committee for ten. Students interested in surgery should come see me early, not in the "
        "fall of their final year.",
    },
    {
        "name": "Kwame Mensah",
        "department": "Surgery",
        "specialty": "Transplant surgery",
        "stage": "mid",
        "title": "Associate Professor of Surgery (Transplant)",
        "interests": ["transplant surgery", "global health", "health equity"],
        "areas": ["global-health", "research", "career-planning"],
        "gender": "man",
        "background": "Ghanaian American",
        "bio": "I do kidney and liver transplants and study why Black patients wait longer for "
        "organs. I also help run a surgical training partnership in Kumasi.",
    },
    {
        "name": "Sofia Ricci",
        "department": "Surgery",
        "specialty": "Surgical oncology",
        "stage": "junior",
        "title": "Assistant Professor of Surgery",
        "interests": ["surgical oncology", "clinical research", "physician wellbeing"],
        "gender": "woman",
        "bio": "I'm a breast and melanoma surgeon two years out of fellowship, and a parent of "
        "two small children. I'm happy to talk honestly about surgical training and having a "
        "life alongside it.",
    },
    {
        "name": "Hiroshi Tanaka",
        "department": "Surgery",
        "specialty": "Minimally invasive surgery",
        "stage": "mid",
        "title": "Associate Professor of Surgery; Director, Simulation Center",
        "interests": ["minimally invasive surgery", "medical education", "digital health"],
        "bio": "I run our simulation lab, where students practice laparoscopic skills before "
        "they touch a patient. Ask me about surgical education research or simulation as a "
        "career.",
    },
    {
        "name": "Nadia Rahman",
        "email": DEMO_FACULTY_EMAIL,
        "department": "Psychiatry",
        "specialty": "Addiction psychiatry",
        "stage": "mid",
        "title": "Associate Professor of Psychiatry; Director, Addiction Consult Service",
        "interests": [
            "addiction psychiatry",
            "clinical pharmacology",
            "psychopharmacology",
            "harm reduction",
        ],
        "areas": ["research", "career-planning", "clinical-skills"],
        "capacity": 4,
        "is_accepting": True,
        "modes": ["in_person", "video", "email"],
        "bio": "I run the addiction consult service and study how we start buprenorphine in the "
        "hospital. I like working with students who are curious about medications, stigma, or "
        "both.",
    },
    {
        "name": "Jonathan Pierce",
        "department": "Psychiatry",
        "specialty": "Consultation-liaison psychiatry",
        "stage": "late",
        "title": "Professor of Psychiatry; Psychiatry Clerkship Director",
        "interests": ["consultation-liaison psychiatry", "bioethics", "medical education"],
        "bio": "I see patients on the medical and surgical floors whose illness has a "
        "psychiatric side. I've directed the psychiatry clerkship for years and enjoy helping "
        "students find their voice on a team.",
    },
    {
        "name": "Aisha Bello",
        "department": "Psychiatry",
        "specialty": "Child and adolescent psychiatry",
        "stage": "junior",
        "title": "Assistant Professor of Psychiatry",
        "interests": ["child and adolescent psychiatry", "health equity", "LGBTQ+ health"],
        "gender": "woman",
        "background": "Black, first-generation college graduate",
        "bio": "I work with teenagers and their families in our outpatient clinic and a "
        "school-based program. I'm glad to be a sounding board for students from backgrounds "
        "that are still rare in medicine.",
    },
    {
        "name": "Elena Petrova",
        "department": "Psychiatry",
        "specialty": "Mood disorders",
        "stage": "mid",
        "title": "Associate Professor of Psychiatry",
        "interests": ["psychopharmacology", "pharmacogenomics", "clinical research"],
        "bio": "My research asks whether genetic testing helps choose antidepressants. I've "
        "supervised many summer research students and can help you get from an idea to an "
        "abstract.",
    },
    {
        "name": "Marcus Greene",
        "department": "Psychiatry",
        "specialty": "Community psychiatry",
        "stage": "junior",
        "title": "Assistant Professor of Psychiatry",
        "interests": [
            "addiction psychiatry",
            "harm reduction",
            "community health",
            "physician wellbeing",
        ],
        "gender": "man",
        "background": "Black; grew up in the city this school serves",
        "bio": "I work at a community mental health center and with a street medicine team. "
        "I'm a good person to ask about psychiatry outside the academic hospital.",
    },
    {
        "name": "Grace Nakamura-Lee",
        "department": "Pediatrics",
        "specialty": "Neonatology",
        "stage": "mid",
        "title": "Associate Professor of Pediatrics (Neonatology)",
        "interests": ["neonatology", "quality improvement", "patient safety"],
        "bio": "I care for premature infants in our NICU and lead its quality improvement work. "
        "Students who like systems, checklists and very small patients usually find me.",
    },
    {
        "name": "Oluwaseun Adeyemi",
        "department": "Pediatrics",
        "specialty": "Pediatric infectious diseases",
        "stage": "junior",
        "title": "Assistant Professor of Pediatrics",
        "interests": ["pediatric infectious diseases", "global health", "refugee health"],
        "gender": "man",
        "background": "Nigerian; trained in Lagos before moving to the US",
        "bio": "I see children in our refugee health clinic and study vaccine uptake. I'm early "
        "in my career and still figuring things out, which some students find reassuring.",
    },
    {
        "name": "Catherine Doyle",
        "department": "Pediatrics",
        "specialty": "Adolescent medicine",
        "stage": "late",
        "title": "Professor of Pediatrics",
        "interests": [
            "adolescent medicine",
            "medical education",
            "LGBTQ+ health",
            "narrative medicine",
        ],
        "gender": "woman",
        "background": "LGBTQ+",
        "bio": "I've cared for adolescents for twenty-five years and started our gender health "
        "clinic. I also teach a narrative medicine elective and read a lot of student essays, "
        "happily.",
    },
    {
        "name": "Rafael Mendoza",
        "department": "Pediatrics",
        "specialty": "General pediatrics",
        "stage": "mid",
        "title": "Associate Professor of Pediatrics",
        "interests": ["primary care", "health policy", "community health", "immigrant health"],
        "gender": "man",
        "background": "Mexican American, first-generation physician",
        "bio": "I'm a primary care pediatrician at a clinic where most families speak Spanish at "
        "home. I work on child health policy at the state level and can help you find a "
        "community project.",
    },
    {
        "name": "Wei Zhang",
        "department": "Pharmacology",
        "specialty": "Clinical pharmacology",
        "stage": "late",
        "title": "Professor of Pharmacology and Medicine",
        "interests": [
            "clinical pharmacology",
            "drug development",
            "pharmacogenomics",
            "pharmacology",
        ],
        "bio": "I direct the clinical pharmacology training program and teach the first-year "
        "pharmacology course. I've mentored students into industry, regulatory science and "
        "academic careers.",
    },
    {
        "name": "Leila Haddad",
        "department": "Pharmacology",
        "specialty": "Toxicology",
        "stage": "mid",
        "title": "Associate Professor of Pharmacology",
        "interests": ["toxicology", "pharmacology", "harm reduction"],
        "bio": "I study fentanyl analogues and how naloxone dosing needs to change. Students "
        "who want lab or policy-facing research in toxicology are welcome.",
    },
    {
        "name": "Samuel Otieno",
        "department": "Pharmacology",
        "specialty": "Pharmacogenomics",
        "stage": "junior",
        "title": "Assistant Professor of Pharmacology",
        "interests": ["pharmacogenomics", "pharmacology", "clinical research", "health equity"],
        "gender": "man",
        "background": "Kenyan; came to the US for graduate school",
        "bio": "I look at why drug response differs across populations and how trials report "
        "it. I'm a PhD rather than an MD, so I can't advise on residency, but I can teach you "
        "to run an analysis.",
    },
    {
        "name": "Ingrid Johansson",
        "department": "Pharmacology",
        "specialty": "Pain and opioid pharmacology",
        "stage": "late",
        "title": "Professor of Pharmacology",
        "interests": ["pain management", "pharmacology", "drug development", "harm reduction"],
        "bio": "I've spent my career on how opioids work and how to use them more safely. I'm "
        "happy to mentor students who are weighing research in pharmacology.",
    },
    {
        "name": "Maria Santos",
        "department": "Family Medicine",
        "specialty": "Rural family medicine",
        "stage": "mid",
        "title": "Associate Professor of Family Medicine; Director, Rural Track",
        "interests": ["rural medicine", "primary care", "community health", "medical education"],
        "location": "Valley Rural Health Clinic (on campus two days a week)",
        "gender": "woman",
        "background": "Filipina American; grew up in a farming town",
        "bio": "I practice full-scope family medicine, obstetrics included, in a town of four "
        "thousand people. I run the rural track and love showing students what generalism "
        "looks like.",
    },
    {
        "name": "Thomas Begay",
        "department": "Family Medicine",
        "specialty": "Family medicine",
        "stage": "late",
        "title": "Professor of Family Medicine",
        "interests": ["rural medicine", "health equity", "Indigenous health"],
        "areas": ["belonging", "career-planning", "global-health"],
        "modes": ["video", "phone", "email"],
        "location": "Indian Health Service clinic, Shiprock (by video)",
        "gender": "man",
        "background": "Diné (Navajo)",
        "bio": "I've practiced on and near the Navajo Nation for most of my career. I mentor "
        "mostly by video and answer e-mail in the evenings.",
    },
    {
        "name": "Anjali Mehta",
        "department": "Family Medicine",
        "specialty": "Sports medicine",
        "stage": "junior",
        "title": "Assistant Professor of Family Medicine",
        "interests": ["sports medicine", "primary care", "physician wellbeing"],
        "bio": "I'm team physician for the university's track and soccer teams. I can help with "
        "the musculoskeletal exam and with keeping exercise in your own week.",
    },
    {
        "name": "Patrick O'Connell",
        "department": "Family Medicine",
        "specialty": "Addiction medicine",
        "stage": "mid",
        "title": "Associate Professor of Family Medicine",
        "interests": ["addiction medicine", "harm reduction", "primary care"],
        "bio": "I treat opioid and alcohol use disorders in a primary care clinic, often "
        "starting buprenorphine the same day. Students interested in addiction from the "
        "primary care side are very welcome.",
    },
    {
        "name": "Yasmin Farouk",
        "department": "Obstetrics and Gynecology",
        "specialty": "Maternal-fetal medicine",
        "stage": "mid",
        "title": "Associate Professor of Obstetrics and Gynecology",
        "interests": ["maternal-fetal medicine", "global health", "health equity"],
        "gender": "woman",
        "background": "Egyptian American, Muslim",
        "bio": "I care for high-risk pregnancies and study maternal mortality in our state. I'm "
        "glad to help students turn a clinical question into a project.",
    },
    {
        "name": "Rebecca Stein",
        "department": "Obstetrics and Gynecology",
        "specialty": "Reproductive endocrinology and infertility",
        "stage": "late",
        "title": "Professor of Obstetrics and Gynecology",
        "interests": ["reproductive health", "bioethics", "health policy"],
        "bio": "I've worked in fertility care since the early days of IVF and sit on the "
        "hospital ethics committee. I enjoy long conversations about where medicine is heading.",
    },
    {
        "name": "Chioma Eze",
        "department": "Obstetrics and Gynecology",
        "specialty": "General obstetrics and gynecology",
        "stage": "junior",
        "title": "Assistant Professor of Obstetrics and Gynecology",
        "interests": [
            "women's health",
            "reproductive health",
            "medical education",
            "quality improvement",
        ],
        "gender": "woman",
        "bio": "I joined the faculty last year after residency here. I remember the clerkship "
        "well and can help you prepare for it.",
    },
    {
        "name": "Luis Hernández",
        "department": "Emergency Medicine",
        "specialty": "Emergency ultrasound",
        "stage": "mid",
        "title": "Associate Professor of Emergency Medicine; Ultrasound Director",
        "interests": ["emergency ultrasound", "medical education", "global health"],
        "gender": "man",
        "background": "Mexican American, first in my family to attend college",
        "bio": "I teach point-of-care ultrasound to students from their first year. Several of "
        "my students have presented ultrasound projects at national meetings.",
    },
    {
        "name": "Hannah Kowalski",
        "department": "Emergency Medicine",
        "specialty": "Medical toxicology",
        "stage": "junior",
        "title": "Assistant Professor of Emergency Medicine",
        "interests": ["toxicology", "harm reduction", "addiction medicine"],
        "gender": "woman",
        "bio": "I work shifts in the emergency department and consult on poisonings. I'm happy "
        "to talk through whether emergency medicine fits you and how to do well on a "
        "sub-internship.",
    },
    {
        "name": "James Whitfield",
        "department": "Emergency Medicine",
        "specialty": "Emergency medicine",
        "stage": "late",
        "title": "Professor of Emergency Medicine",
        "interests": ["critical care", "patient safety", "health policy"],
        "is_accepting": False,
        "bio": "I've worked in emergency medicine for over thirty years and served as department "
        "chair. I'm taking few new mentees this year but still answer questions about careers "
        "in the specialty.",
    },
    {
        "name": "Mei-Ling Chen",
        "department": "Neurology",
        "specialty": "Vascular neurology",
        "stage": "mid",
        "title": "Associate Professor of Neurology",
        "interests": ["stroke", "clinical research", "quality improvement"],
        "bio": "I run our stroke program's quality registry, which is a good place for a first "
        "research project. I enjoy teaching the neurological exam to students who are nervous "
        "about it.",
    },
    {
        "name": "Arjun Krishnan",
        "department": "Neurology",
        "specialty": "Epilepsy",
        "stage": "junior",
        "title": "Assistant Professor of Neurology",
        "interests": ["epilepsy", "digital health", "clinical pharmacology"],
        "bio": "I care for people with epilepsy and study seizure-tracking apps. I graduated "
        "from this school and remember the preclinical years well.",
    },
    {
        "name": "Margaret Sullivan",
        "department": "Neurology",
        "specialty": "Cognitive and behavioral neurology",
        "stage": "late",
        "title": "Professor of Neurology",
        "interests": ["neurodegenerative disease", "palliative care", "bioethics"],
        "bio": "I care for people living with dementia and their families. I've mentored "
        "students for many years and know people in neurology programs across the country.",
    },
    {
        "name": "Omar Khalil",
        "department": "Radiology",
        "specialty": "Interventional radiology",
        "stage": "mid",
        "title": "Associate Professor of Radiology",
        "interests": ["interventional radiology", "digital health", "medical education"],
        "gender": "man",
        "background": "Lebanese American",
        "bio": "I do image-guided procedures and teach the radiology elective. Students rarely "
        "see radiology before their final year, so I'm glad to show what it involves.",
    },
    {
        "name": "Ji-woo Park",
        "department": "Radiology",
        "specialty": "Imaging informatics",
        "stage": "junior",
        "title": "Assistant Professor of Radiology",
        "interests": ["imaging informatics", "digital health", "global health"],
        "gender": "non-binary",
        "background": "Korean American",
        "bio": "I build machine learning tools for chest X-rays, including for clinics without "
        "a radiologist. I'm glad to help students who code or want to learn.",
    },
    {
        "name": "Ngozi Obi",
        "department": "Anesthesiology",
        "specialty": "Regional anesthesia and acute pain",
        "stage": "mid",
        "title": "Associate Professor of Anesthesiology",
        "interests": ["pain management", "clinical pharmacology", "patient safety"],
        "gender": "woman",
        "bio": "I focus on nerve blocks and opioid-sparing pain control. Students who like "
        "physiology and pharmacology tend to enjoy our rotation.",
    },
    {
        "name": "Dmitri Volkov",
        "department": "Pathology",
        "specialty": "Hematopathology",
        "stage": "late",
        "title": "Professor of Pathology",
        "interests": ["laboratory medicine", "oncology", "medical education"],
        "bio": "I diagnose lymphomas and leukemias and have taught histology for two decades. "
        "Pathology suits students who like puzzles and teaching.",
    },
]

# Residents mentor students while faculty mentor them. Graduation = end of residency.
RESIDENTS = [
    {
        "name": "Tomás Rivera",
        "department": "Internal Medicine",
        "pgy": 3,
        "program_years": 3,
        "interests": ["hospital medicine", "medical education", "health equity"],
        "areas_offered": ["clinical-skills", "study-skills", "wellbeing"],
        "areas_sought": ["career-planning", "teaching"],
        "bio": "I'm a third-year internal medicine resident looking for hospitalist jobs with a "
        "teaching focus. I remember the clerkship year vividly and like helping students "
        "prepare for it.",
        "vision": "I want to be a clinician-educator who runs a medicine clerkship one day, and "
        "I need help finding my first faculty job.",
    },
    {
        "name": "Zainab Hussain",
        "department": "Psychiatry",
        "pgy": 2,
        "program_years": 4,
        "interests": ["addiction psychiatry", "psychopharmacology", "harm reduction"],
        "areas_offered": ["study-skills", "wellbeing", "belonging"],
        "areas_sought": ["research", "career-planning"],
        "bio": "I'm a second-year psychiatry resident interested in addiction. I'm glad to help "
        "students with the psychiatry rotation and its shelf exam.",
        "vision": "I'm deciding whether to do an addiction psychiatry fellowship and would like "
        "a research project that helps me decide.",
    },
    {
        "name": "Kevin Tran",
        "department": "Surgery",
        "pgy": 4,
        "program_years": 5,
        "interests": ["trauma surgery", "global health"],
        "areas_offered": ["clinical-skills", "work-habits", "residency-applications"],
        "areas_sought": ["leadership", "research"],
        "bio": "I'm a fourth-year general surgery resident. Ask me about surviving a surgery "
        "sub-internship and what residency really feels like.",
        "vision": "I want to be a trauma surgeon who also builds surgical capacity abroad, and "
        "I need guidance on fellowship and global surgery research.",
    },
    {
        "name": "Emily Brooks",
        "department": "Pediatrics",
        "pgy": 1,
        "program_years": 3,
        "interests": ["adolescent medicine", "LGBTQ+ health"],
        "areas_offered": ["study-skills", "wellbeing"],
        "areas_sought": ["career-planning", "wellbeing"],
        "bio": "I'm a pediatrics intern, so residency applications are fresh in my mind. I'm "
        "happy to share what worked and what didn't.",
        "vision": "I hope to work in adolescent medicine and want help keeping a life outside "
        "the hospital during intern year.",
    },
    {
        "name": "Abdi Warsame",
        "department": "Family Medicine",
        "pgy": 2,
        "program_years": 3,
        "interests": ["refugee health", "primary care", "community health"],
        "areas_offered": ["belonging", "clinical-skills", "global-health"],
        "areas_sought": ["leadership", "career-planning"],
        "bio": "I'm a family medicine resident who came to the US as a refugee at age nine. I "
        "enjoy mentoring students who are the first in their families in medicine.",
        "vision": "I want to lead a community health center that serves refugee families, and "
        "I'm looking for mentors who have run clinics.",
    },
    {
        "name": "Sarah Goldberg",
        "department": "Emergency Medicine",
        "pgy": 3,
        "program_years": 4,
        "interests": ["emergency ultrasound", "toxicology"],
        "areas_offered": ["clinical-skills", "residency-applications", "work-habits"],
        "areas_sought": ["teaching", "presenting-publishing"],
        "bio": "I'm a third-year emergency medicine resident with a soft spot for ultrasound. I "
        "can help you through the emergency medicine application, which has its own quirks.",
        "vision": "I want to become an ultrasound educator and need help getting my teaching "
        "projects published.",
    },
]

# The coordinator of the first clerkship is the demo coordinator sign-in.
CLERKSHIPS = [
    {
        "name": "Internal Medicine",
        "department": "Internal Medicine",
        "coordinator": "Lorraine Jackson",
        "coordinator_email": DEMO_COORDINATOR_EMAIL,
    },
    {"name": "Surgery", "department": "Surgery", "coordinator": "Beatriz Oliveira"},
    {"name": "Pediatrics", "department": "Pediatrics", "coordinator": "Tyrone Mitchell"},
    {"name": "Psychiatry", "department": "Psychiatry", "coordinator": "Yuki Sato"},
    {
        "name": "Obstetrics and Gynecology",
        "department": "Obstetrics and Gynecology",
        "coordinator": "Carmen Delgado",
    },
    {"name": "Family Medicine", "department": "Family Medicine", "coordinator": "Gareth Evans"},
]

STAFF = {"name": "Jordan Ellis", "email": DEMO_STAFF_EMAIL}

DEMO_STUDENT = {
    "name": "Maya Castillo",
    "email": DEMO_STUDENT_EMAIL,
    "stage": "clerkship",
    "interests": ["pharmacology", "addiction psychiatry", "psychopharmacology"],
    "areas": ["research", "career-planning"],
    "modes": ["in_person", "video", "email"],
    "vision": "I want to understand how medications for opioid use disorder are chosen and "
    "dosed, and I'm torn between psychiatry and internal medicine. I'd love a mentor who can "
    "help me find a small pharmacology project this year.",
}

# Students per stage of training, the demo student included.
STUDENT_COUNTS = {"preclinical": 60, "clerkship": 48, "final": 42}

STUDENT_AREAS_BY_STAGE = {
    "preclinical": [
        "study-skills",
        "work-habits",
        "research",
        "wellbeing",
        "belonging",
        "clinical-skills",
        "global-health",
        "career-planning",
    ],
    "clerkship": [
        "clinical-skills",
        "career-planning",
        "research",
        "wellbeing",
        "belonging",
        "presenting-publishing",
        "study-skills",
    ],
    "final": [
        "residency-applications",
        "career-planning",
        "presenting-publishing",
        "teaching",
        "leadership",
        "wellbeing",
    ],
}

FIRST_NAMES = [
    "Aaliyah", "Abdullah", "Adaeze", "Adrian", "Ahmed", "Aiko", "Alejandro", "Alexei",
    "Amani", "Ana", "Andre", "Anika", "Arash", "Ayesha", "Benjamin", "Bianca", "Bilal",
    "Camila", "Chidi", "Chloe", "Connor", "Daniela", "Darius", "Deepa", "Diego", "Dina",
    "Eitan", "Elif", "Emeka", "Esperanza", "Ethan", "Farida", "Fiona", "Gabriel", "Hana",
    "Hamza", "Ifeoma", "Imani", "Isaac", "Isabela", "Jamal", "Jasmine", "Javier", "Jin",
    "Joaquín", "Kai", "Kavya", "Kofi", "Lena", "Liam", "Lucía", "Malik", "Mariam", "Mateo",
    "Mei", "Mohammed", "Nia", "Nikhil", "Noor", "Olivia", "Omari", "Paloma", "Quinn",
    "Rahul", "Rania", "Rosa", "Ruth", "Sadia", "Santiago", "Seo-yeon", "Simone", "Tariq",
    "Thandiwe", "Theo", "Uzma", "Valentina", "Victor", "Wren", "Xiomara", "Yara", "Yusuf",
    "Zara", "Zoe", "Hyun", "Leilani", "Marisol", "Nikolai", "Ruby", "Sipho", "Tenzin",
]  # fmt: skip

LAST_NAMES = [
    "Abara", "Acheampong", "Ahmadi", "Alvarez", "Anand", "Asante", "Baptiste", "Barros",
    "Bhatt", "Chowdhury", "Cohen", "Costa", "Dang", "Das", "Delacroix", "Diallo", "Dubois",
    "Duarte", "Ekwueme", "Espinoza", "Ferreira", "Fischer", "Gallagher", "Garcia",
    "Gonzalez", "Gupta", "Haile", "Hashemi", "Hoang", "Huang", "Ibrahim", "Iyer",
    "Jablonski", "Jimenez", "Kamara", "Kaur", "Kelly", "Kim", "Kiplagat", "Kumar", "Larsen",
    "Levi", "Lopez", "Malik", "Mahlangu", "Moreau", "Murphy", "Nair", "Ndlovu", "Nguyen",
    "Novak", "Nwosu", "Ochieng", "Okonkwo", "Olsen", "Ortiz", "Owusu", "Patel", "Pham",
    "Quispe", "Reyes", "Rossi", "Saleh", "Santiago", "Sharma", "Silva", "Singh", "Suleiman",
    "Takahashi", "Tesfaye", "Thompson", "Vargas", "Walker", "Wang", "Williams", "Wu",
    "Yamamoto", "Yilmaz", "Yusuf", "Zhou", "Begaye", "Lovato", "Kahananui", "Morningstar",
]  # fmt: skip

# Each student's vision starts from their stage; "{interest}" is one of their interests.
VISION_OPENINGS = {
    "preclinical": [
        "I'm still exploring, and {interest} is what I keep coming back to.",
        "I want to find out whether {interest} could be my career before clerkships start.",
        "I came to medicine after five years of teaching and want to see where {interest} "
        "fits with that.",
        "Right now I'm most curious about {interest}, and I'd like to meet people who do it.",
        "I hope to join a small research project related to {interest} this year.",
        "I want to get through Step 1 without losing the reasons I came here, one of which is "
        "{interest}.",
        "I'd like to become a doctor my community trusts, and {interest} feels like part of that.",
        "I'm the first in my family in medicine and don't know anyone who works in {interest} yet.",
    ],
    "clerkship": [
        "Clerkships are showing me how much I like {interest}, and I need help choosing a "
        "specialty.",
        "I want to present better on rounds and build the habits of a good intern; longer "
        "term I'm drawn to {interest}.",
        "I'm torn between two specialties, and {interest} is the thread that connects them.",
        "I'd like to turn a case from my rotation into a poster, ideally in {interest}.",
        "I want to do well on my shelf exams while keeping some time for {interest}.",
        "I'm looking for someone who can tell me honestly what a career in {interest} looks "
        "like day to day.",
    ],
    "final": [
        "I'm applying to residency this year and want a career with {interest} at its center.",
        "I've chosen my specialty; now I want advice on programs that are strong in {interest}.",
        "I want to keep working on {interest} during residency and need to know which "
        "programs allow it.",
        "I'm preparing for interviews and would like someone to challenge how I talk about "
        "{interest}.",
        "I'd like to leave medical school with a publication in {interest} and a plan for "
        "residency.",
        "I want to start residency with confidence and one day teach students about {interest}.",
    ],
}

# Personal and work-habit goals, added to some visions.
VISION_CLOSINGS = [
    "I also want to keep running and see my family on weekends.",
    "Time management is my biggest weakness right now.",
    "I'd like to learn how to ask for feedback and actually use it.",
    "Outside medicine I want to keep making music.",
    "I'd value someone who has balanced a family with training.",
    "Most of all I want to become a doctor patients feel listened to.",
    "I'm trying to get better at saying no to things.",
    "I'd like to feel less like an impostor on the wards.",
]
