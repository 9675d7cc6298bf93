window.GUIDE_INDEX = [
{
"page": "index.html",
"anchor": "hiring-desk-user-guide",
"title": "Hiring Desk User Guide",
"text": "Hiring Desk keeps everything about your hiring in one file on your computer: the jobs you are filling, the people who applied, their interviews, and the offer you make. It needs no internet connection and no account. Nothing you type leaves your computer unless you send it yourself. This guide is for people who hire a few times a year and want to pick up where they left off. Each page covers one task, in the order you are likely to need it."
},
{
"page": "index.html",
"anchor": "words-used-in-this-guide",
"title": "Words used in this guide",
"text": "Word What it means --- --- Workbook The file that holds all your hiring data. It ends in .hiringdesk . Role A job you are hiring for, such as \"Backend Developer\". Candidate A person who applied or whom you are considering. Application One candidate applying to one role. A candidate can apply to several roles. Stage Where an application stands: Applied, Screening, Interview, Shortlisted, Offer, and then Hired, Rejected or Withdrawn. Scorecard One interviewer's ratings and notes after an interview."
},
{
"page": "index.html",
"anchor": "where-to-start",
"title": "Where to start",
"text": "- Hiring for the first time? Follow Your first hire from start to end. - Want to look around first? On the welcome page, click Open the Sample Workbook . It holds a made-up company with roles, candidates, interviews and an offer. Try anything there: your own workbook is not touched. - Moving from a spreadsheet or another system? See Importing candidates. - Something went wrong? See Troubleshooting."
},
{
"page": "index.html",
"anchor": "getting-help-inside-the-app",
"title": "Getting help inside the app",
"text": "Press F1 on any page, or in the main dialogs, to open this guide at the part that explains where you are. Help ▸ User Guide does the same. The search box at the top of the contents finds any word in the guide."
},
{
"page": "first-hire.html",
"anchor": "your-first-hire",
"title": "Your first hire",
"text": "This page walks through one hire from start to end: setting up, opening the role, writing the job description, adding candidates, interviewing, choosing, and printing the offer letter. Follow it in order the first time. Every step is saved as you go: you can close Hiring Desk at any point and carry on later."
},
{
"page": "first-hire.html",
"anchor": "start-hiring-desk",
"title": "Start Hiring Desk",
"text": "The first time you start Hiring Desk, it makes an empty workbook for you and shows the welcome page. - Click Start a New Workbook to begin in that workbook. - Click Open the Sample Workbook if you would rather look around a made-up company first. Use File ▸ Open… or File ▸ Open Recent to come back to your own. The workbook's name and place are shown at the bottom left of the window. To keep hiring for two businesses apart, make a second workbook with File ▸ New Workbook… ."
},
{
"page": "first-hire.html",
"anchor": "set-up-your-company-and-team",
"title": "Set up your company and team",
"text": "Go to Team & Company in the list on the left (or press Ctrl+6 ). 1. On the Team tab, click Add the First Member… . Type your name, your job title and your email address, then click Save . Add everyone else who interviews or signs offers with Add Member… . 2. On the Company Profile tab, fill in the company's name and address. Choose who signs offers under Signs offers , and check the currency, the locale (how dates and money are written) and the time zone. Add a logo with Choose Logo… if you want it on printed letters. Click Save Profile . 3. At the bottom right of the window, under Acting as , choose your own name. Hiring Desk uses it to record who moved a candidate or approved an offer. The offer letter needs the company's name and address and the person who signs. Filling them in now saves a trip back later."
},
{
"page": "first-hire.html",
"anchor": "open-the-role",
"title": "Open the role",
"text": "A role is the job you are hiring for. Go to Roles ( Ctrl+2 ). 1. Click New Role… (or New Role from a Template… when the page is empty). 2. Pick the template closest to your job, for example Backend Developer , or A blank role to start from nothing. Click Continue… . 3. The role's form opens with the title and level filled in. Go through its tabs: - Role : title, seniority, location, work mode, hiring manager, and the Status . A new role starts as Draft . Set it to Open when you are ready for candidates: only open roles can take new candidates. - Timing & Pay : when the person must start, the target date, the salary range and its currency. - Requirements & Skills : education, years of experience, and the skills, split into the ones they must have and the ones that are nice to have. - Notes : anything else. 4. Click Save . The role now has a row on the Roles page. The row shows how many candidates are at each stage, so you can see at a glance where the hire stands."
},
{
"page": "first-hire.html",
"anchor": "write-the-job-description",
"title": "Write the job description",
"text": "Select the role and click Job Description… . 1. Click Fill from Template . Hiring Desk writes a first draft from the role's details: location, skills, experience, education and the steps of your hiring. 2. Read it and change what you like. Keep it clear and short. 3. Click Save Version . Each save keeps a version, so you can go back to an earlier one with Restore This Version . 4. To post the job, click Export and choose PDF… , Markdown… , Plain Text… or HTML… , or Copy as Plain Text to paste it into a job board."
},
{
"page": "first-hire.html",
"anchor": "add-candidates",
"title": "Add candidates",
"text": "Go to Candidates ( Ctrl+3 ). - To add one person, click New Candidate… . Type their name and email address; the other fields are optional. Add their postal address too if you may send them an offer letter. Under Apply to role , choose your role, then click Save . (Only open roles are listed: if yours is missing, edit the role and set its status to Open.) - To add many people at once from a spreadsheet, see Importing candidates. - To keep their CV, open the candidate's Files section and click Add File… , or drag the file onto it. PDF, Word, OpenDocument and text files are read, so the search box finds words inside CVs too. Under the candidate's name, the blue button suggests the next step for them, such as Schedule interview… , Score interview… or Make offer… . Click it to do that step."
},
{
"page": "first-hire.html",
"anchor": "move-candidates-through-the-stages",
"title": "Move candidates through the stages",
"text": "Every application starts at Applied . As you go, move it on: 1. Select the candidate. On the right, open the Applications section, choose the application and click Move Stage… ( Move… above the list does the same). 2. Pick the new stage and click Move . To move several people at once, select them in the list and click Move… . To see a role's candidates as columns, choose the role in the filter above the list and click Board ; drag a card to another column to move it. When you turn someone down, choose Rejected . Hiring Desk asks for a reason: this is what the reports count later. You can reopen a rejected application if it was a mistake."
},
{
"page": "first-hire.html",
"anchor": "interview",
"title": "Interview",
"text": "Select a candidate, open the Interviews section on the right and click Schedule Interview… . Choose the round, the date and time, the interviewers and the place or video link, then click Save . Tick Write an invitation after booking to send the candidate an invitation straight away. Before the interview, print the questions for the interviewers: on the Roles page, select the role and choose More ▸ Print Interview Pack… . After the interview, each interviewer's ratings go into a scorecard. All of this is on the Interviews page of this guide."
},
{
"page": "first-hire.html",
"anchor": "choose-your-candidate",
"title": "Choose your candidate",
"text": "Move the people you like best to Shortlisted . To see them side by side, select two to five candidates of the same role on the Candidates page and click Compare… . The comparison shows their skills, expectations and interview ratings together."
},
{
"page": "first-hire.html",
"anchor": "make-the-offer-and-print-the-letter",
"title": "Make the offer and print the letter",
"text": "1. Select your chosen candidate, open the Applications section on the right and click Make Offer… (for a shortlisted candidate, the blue next-step button says Make offer… too). 2. Fill in the salary, then tick Starts on and Answer by (each suggests a date that works: the answer comes before the start) and change them as you agreed, and any benefits and conditions. Hiring Desk shows the role's budget and what the candidate asked for, so you can check the figure. Click Save . 3. Go to Offers ( Ctrl+5 ), select the offer and click Approve… . Choose who approved the terms, then click Approve . 4. Click Print Letter… . The letter is filled in from the offer, the candidate, the role and your company. Until the offer is approved, the letter is marked DRAFT. If something is missing, such as the candidate's postal address, the dialog lists it under Fix these before printing : fix it, then click Regenerate . 5. Click Save PDF… , choose where to save the letter, then open the PDF and print it. 6. When you hand or send the letter to the candidate, click Mark Sent . When they answer, click Accept or Decline . Accepting an offer moves the candidate to Hired . Hiring Desk then asks whether the role is filled: Mark Filled & Close closes the role and turns down everyone still open on it, with the reason you give. More on offers, templates and approval: Offers and letters."
},
{
"page": "importing.html",
"anchor": "importing-candidates",
"title": "Importing candidates",
"text": "You can bring in many candidates at once: from a spreadsheet, from another hiring system, or from the application emails you saved."
},
{
"page": "importing.html",
"anchor": "import-a-spreadsheet",
"title": "Import a spreadsheet",
"text": "Hiring Desk reads spreadsheets saved as text: CSV or tab-separated files ( .csv , .tsv , .tab , .txt ). In Excel, LibreOffice or Google Sheets, use Save As or Download and pick CSV . Another hiring system can usually export its candidates to CSV too: import that file the same way. 1. Choose File ▸ Import ▸ Candidates from CSV… , or click Import… on the Candidates page. Pick the file. 2. Hiring Desk shows the file's first rows and guesses what each column holds: name, email, phone, skills, salary expectation, and so on. Check each guess in the Holds column and change the wrong ones. Choose Keep in notes for a column that fits nowhere else, so nothing is lost. 3. Under Apply them to , choose the role these people applied for, or No role (just add the candidates) . 4. If salaries in the file have no currency, choose it under Amounts without a currency are in . 5. Click Import . A name can be in one column, or split into first and last name columns. Skills and tags can be separated by commas or semicolons."
},
{
"page": "importing.html",
"anchor": "possible-duplicates",
"title": "Possible duplicates",
"text": "Before anything is written, Hiring Desk looks for rows that may be people already in the workbook: the same email address, the same phone number, or a very similar name. It lists them: untick the rows you do not want to import. Ticked rows are imported, and you can merge two records into one afterwards. When you add a candidate by hand who may already be there, the Possible Duplicate dialog offers Merge (one record, with both histories) or Keep Both ."
},
{
"page": "importing.html",
"anchor": "after-the-import",
"title": "After the import",
"text": "The Import Finished window says how many candidates were added and what happened to each line that was skipped, with its line number in the file. Fix those lines in the spreadsheet and import just them again if you need them. Importing can be cancelled while it runs: nothing is half-imported."
},
{
"page": "importing.html",
"anchor": "applications-received-by-email",
"title": "Applications received by email",
"text": "If people apply by email, save their messages from your email program (as .eml files, or a whole mailbox as .mbox ). Then choose File ▸ Import ▸ Applications from Email… and pick the files. Hiring Desk makes a candidate from each message, with the sender's name and address, keeps the message as a note, and attaches the documents that came with it (PDF, Word, OpenDocument or text). Someone who is already in the workbook with the same email address is not added twice."
},
{
"page": "interviews.html",
"anchor": "interviews",
"title": "Interviews",
"text": "Interviews in Hiring Desk follow a plan: the rounds each candidate goes through and the questions asked in each. Interviewers get a printed pack with the questions, and after each interview they fill in a scorecard. The ratings then show on the candidate and in the reports."
},
{
"page": "interviews.html",
"anchor": "schedule-an-interview",
"title": "Schedule an interview",
"text": "1. On the Candidates page, select the candidate, open the Interviews section on the right and click Schedule Interview… . 2. Pick the Round from the role's plan, or type a name of your own. Picking a planned round fills in its usual length. 3. Set the Date , Time and Duration , and the Time zone if the candidate is elsewhere. The dialog shows what time that is for you. 4. Tick the Interviewers , and add the Place or a Video link . 5. Click Save . If an interviewer is already booked then, Hiring Desk says so and lets you Book Anyway . With Write an invitation after booking ticked, a message to the candidate opens next, with a calendar file attached (see Writing to candidates). The Interviews page ( Ctrl+4 ) lists every interview coming up, day by day. Tick Show past to see earlier ones. Select one and click Candidate to open that person."
},
{
"page": "interviews.html",
"anchor": "interview-plans",
"title": "Interview plans",
"text": "Each role has a plan. On the Roles page, select the role and click Interview Plan… . - The left side lists the Rounds (for example Screening call , Technical interview ). Use Add Round , Move Round Up , Move Round Down and Remove Round . - The right side lists the Questions in this round . Add from Bank… picks questions from the built-in question bank; Add Own Question… adds one you write. Each question can say what a strong and a weak answer sound like. Changes are saved as you make them. A new role gets a suggested plan, built from its title and skills, which you can change freely. The Question Bank tab of the Interviews page lists every question, grouped by skill. Use Copy to My Questions… to keep your own version of one."
},
{
"page": "interviews.html",
"anchor": "interview-packs",
"title": "Interview packs",
"text": "A pack is a PDF for the interviewers: for each candidate, the questions of the plan, space to write notes, and the rating scale. 1. On the Roles page, select the role and choose More ▸ Print Interview Pack… . (On the Interviews page, Pack… makes the pack for just the selected interview.) 2. Tick the candidates to include, or use Tick All and Tick None . 3. Choose where to save it under Save to , then click Print… . 4. Hiring Desk offers to open the PDF, ready to print. If the role has no plan yet, click Use Suggested Questions to give it one."
},
{
"page": "interviews.html",
"anchor": "scorecards",
"title": "Scorecards",
"text": "After an interview, each interviewer's view goes into a scorecard: a rating for each skill the round covers, an overall recommendation, and notes. 1. Open the candidate, go to their Interviews section and click Add Scorecard… . (Or select the interview on the Interviews page and click Scorecard… .) 2. Choose the Interviewer . 3. Rate each skill from 1 (Weak) to 4 (Excellent); the form says what each number means. You can type the numbers: the cursor moves to the next line by itself. 0 leaves a skill unrated, and each rating can have a short note. 4. Choose the Recommendation and add Notes if you like. 5. Click Save , or press Ctrl+Enter . The candidate list then shows the average rating and the recommendations. Choose a scorecard in the Interviews section to read it in full; Edit… changes it and Remove… deletes it."
},
{
"page": "offers.html",
"anchor": "offers-and-letters",
"title": "Offers and letters",
"text": "An offer goes through a few steps: you draft it, someone approves it, you send it, and the candidate says yes or no. Hiring Desk keeps each step with the date and who did it, and prints the letter from a template."
},
{
"page": "offers.html",
"anchor": "make-an-offer",
"title": "Make an offer",
"text": "1. On the Candidates page, select the candidate, open the Applications section on the right and click Make Offer… . The application must be at a stage before Hired, and not rejected or withdrawn. 2. Fill in the three tabs: - Terms : employment type, place of work, working hours, probation. - Pay & Dates : salary and currency, how often it is paid, bonus, start date, and the date by which the candidate should answer ( Offer expires ). - Benefits & Conditions : one benefit per line, and what the offer depends on, such as references or the right to work. 3. Click Save . The top of the form shows the role's salary budget and what the candidate asked for. A warning appears if the salary is outside the budget. An application can have one offer in play at a time. To make a different one, withdraw the first, or record the candidate's answer."
},
{
"page": "offers.html",
"anchor": "the-offers-page",
"title": "The Offers page",
"text": "Offers ( Ctrl+5 ) lists every offer and its state. Use Show to see only drafts, sent offers, and so on. Select an offer to act on it: Button What it does --- --- Edit… Change the terms. Changing an approved offer sends it back to draft. Approve… Record who approved the terms, as of today. Mark Sent Record that the candidate has the offer. Accept The candidate said yes: they move to Hired. Decline The candidate said no. Their application stays where it is. More ▸ Withdraw You take the offer back. Print Letter… Make the offer letter as a PDF. More ▸ Write… Write to the candidate about the offer, with the letter attached. Double-click an offer to open its candidate."
},
{
"page": "offers.html",
"anchor": "approval",
"title": "Approval",
"text": "Many businesses want a second person to agree an offer before it goes out. Click Approve… , choose the team member under Approved by , and click Approve . If the terms change afterwards, the approval is cleared and the offer needs approving again."
},
{
"page": "offers.html",
"anchor": "the-offer-letter",
"title": "The offer letter",
"text": "Click Print Letter… on the Offers page. - Template picks the letter to use. Hiring Desk chooses the one for the offer's employment type. - The letter shows with every field filled in. If something it needs is empty, it is listed under Fix these before printing , with what to do. Fix it (for example, add the candidate's postal address to their record, or choose who signs offers under Team & Company ), then click Regenerate . Open the Company Profile… takes you straight there. - Click Save PDF… to save the letter. Open the PDF to print it. A letter for an offer that is not approved yet is marked DRAFT across the page, so it cannot pass for a real offer. - The first PDF you save is kept with the offer: printing it again later gives the same letter. While the offer is a draft or approved, Regenerate makes it afresh from the current details. A letter never prints with a blank or a field name where a value should be: Hiring Desk refuses until the problems are fixed."
},
{
"page": "offers.html",
"anchor": "letter-templates-and-merge-fields",
"title": "Letter templates and merge fields",
"text": "Click Templates… in the letter dialog to open Offer-Letter Templates . You can change the built-in letters or add your own. A template is ordinary text with merge fields in double curly brackets. When the letter is made, each field is replaced by its value. For example: Dear {{ candidate.first name }}, We are pleased to offer you the position of {{ role.title }} at {{ company.name }}, starting on {{ offer.start date }}, at a salary of {{ offer.salary }} {{ offer.pay period }}. The fields you can use: Field What it holds --- --- candidate.name , candidate.first name , candidate.last name The candidate's name candidate.address , candidate.email Their postal and email address role.title , role.location , role.work mode The job, where it is, and On-site, Remote or Hybrid role.project , role.project duration The project and how long it runs role.hiring manager , role.hiring manager title The hiring manager and their job title company.name , company.address Your company signatory.name , signatory.title Who signs offers, and their job title offer.salary , offer.pay period , offer.currency The salary with its currency, and per year, month or hour offer.bonus , offer.benefits The bonus, and the benefits one per line offer.start date , offer.expiry date The first day of work, and the date to answer by offer.employment type , offer.probation , offer.working hours Full-time, Part-time or Contract; probation; hours offer.place of work , offer.conditions Where the work is done; what the offer depends on letter.date The date the letter is first printed To print a line only when a field has a value, wrap it like this: {% if offer.bonus %}Bonus: {{ offer.bonus }}{% endif %} . If you misspell a field, the letter dialog names it and suggests the right one."
},
{
"page": "offers.html",
"anchor": "when-the-role-is-filled",
"title": "When the role is filled",
"text": "When you click Accept , the candidate moves to Hired . Hiring Desk then asks whether the role is now filled. Mark Filled & Close marks the role filled and turns down every other open application on it with the reason you choose. Not Now leaves everything as it is."
},
{
"page": "email.html",
"anchor": "writing-to-candidates",
"title": "Writing to candidates",
"text": "Hiring Desk does not send email itself: it has no internet connection. It writes the message for you from a template, then hands it to your own email program, where you read it and press send. A copy of each message is kept with the candidate."
},
{
"page": "email.html",
"anchor": "write-to-one-candidate",
"title": "Write to one candidate",
"text": "1. Select the candidate and click Write… ( Ctrl+Shift+M ). (From an offer, Write… on the Offers page attaches the letter.) 2. Under Template , choose the kind of message: an invitation, a rejection, and so on. Under About , choose what it concerns, such as an application or an interview. 3. The message is filled in with the candidate's name and the details of the role. Under Check , Hiring Desk says Ready: every merge field has a value , or lists what is missing. 4. Add files with Add File… if you need to. 5. Click Open in Mail Program . Your email program opens with the message ready. Read it, change it if you like, and send it from there. Save As… saves it as a file instead. The candidate's Timeline section lists the messages written to them. Double-click one to read it again."
},
{
"page": "email.html",
"anchor": "write-to-many-candidates",
"title": "Write to many candidates",
"text": "Select several candidates on the Candidates page and click Write to… . Choose a template and check the first message. Then click Make Drafts… and choose either One .eml draft per candidate, in a folder or All in one mailbox file (.mbox) . Open the drafts in your email program to send them. For rejections, the Reason line lets you add a sentence to every message."
},
{
"page": "email.html",
"anchor": "email-templates",
"title": "Email templates",
"text": "Edit ▸ Email Templates… lists the messages Hiring Desk can write. Change the wording to sound like you, or add your own. Like offer letters, templates use merge fields in double curly brackets, such as {{ candidate.first name }} : see Letter templates and merge fields."
},
{
"page": "reports.html",
"anchor": "reports",
"title": "Reports",
"text": "Reports show how your hiring is going: how many people reach each stage, how long they wait, where the good candidates come from, and why people drop out."
},
{
"page": "reports.html",
"anchor": "the-reports-page",
"title": "The reports page",
"text": "Go to Reports ( Ctrl+7 ). 1. Under Role , choose one role, or all of them. 2. Under Range , choose Last 30 days , Last 90 days , This year or All time , or set your own From and To days. The range counts the candidates who applied in it. The page then shows: - Funnel : how many applications reached each stage, and what share of the step before. - Time in each stage : how many days applications usually stay at each stage. - Time to hire and to fill : how long it took from a role opening, or a candidate applying, to a hire. - Sources : where candidates came from (a job board, a referral, your website), and how many of each reached Interview, Offer and Hired. - Rejection and withdrawal reasons : why applications were closed, and at which stage. - Offers : how many were sent, accepted, declined or left to expire, how long people took to answer, and how the salaries compare with the budget. - Interviewers : the scorecards due from each interviewer, and how many came late. Each part says what it counts. Hold the mouse over a bar to see its number."
},
{
"page": "reports.html",
"anchor": "print-a-report",
"title": "Print a report",
"text": "Click Print… to save the report as a PDF, for example to share with a manager. Choose where to save it; Hiring Desk lays it out and offers to open it."
},
{
"page": "reports.html",
"anchor": "getting-good-reports",
"title": "Getting good reports",
"text": "Reports are only as good as what you record. Two habits help most: - Fill in each candidate's Source when you add them. - Choose a real reason when you reject someone. You can change the list of reasons on the Rejection Reasons tab of Team & Company ."
},
{
"page": "stages-and-today.html",
"anchor": "the-today-page",
"title": "The Today page",
"text": "Today ( Ctrl+1 ) is the list of things that need doing now. It is where a workbook opens once it has data. It gathers: - interviews today and tomorrow; - scorecards not yet filled in after an interview; - offers waiting for an answer, or about to expire; - candidates left waiting too long at one stage; - roles past their target date; - candidates due for deletion under your privacy settings; - your own tasks. Select an item and click Open (or double-click it) to go where it is dealt with. Snooze for hides it for a while. Done puts it aside. To remind yourself of something, click Add Task… , write what to do, choose the day and, if you like, the candidate or role it is about. More ▸ Edit Task… and More ▸ Delete Task change it later."
},
{
"page": "stages-and-today.html",
"anchor": "your-own-stages",
"title": "Your own stages",
"text": "Every role uses the same main stages: Applied, Screening, Interview, Shortlisted, Offer, and the endings Hired, Rejected and Withdrawn. You can add your own steps inside them, for example a Take-home test inside Interview. 1. On the Roles page, select the role and click Stages… . 2. Click Add Stage . Type the Name and choose its Phase : the main stage it belongs to. 3. Use Move Up and Move Down (or drag) to put it in order. A stage stays inside its phase. 4. Rename Selected renames a stage; past moves keep the old name. Hide takes a stage out of use (once nobody is at it); Show brings it back. Remove… deletes a stage: anyone at it moves to another stage of the same phase. 5. To reuse the stages of another role, choose it under Start from the stages of and click Copy . Hired, Rejected and Withdrawn are the same for every role and cannot be changed. Your stages show as columns on the board, in their phase's colour."
},
{
"page": "stages-and-today.html",
"anchor": "preferences",
"title": "Preferences",
"text": "Edit ▸ Preferences… holds the workbook's settings: - Candidate idle after , Scorecard overdue after and Offer expiring within : when an item shows up on the Today page. - Days to answer an offer : the answer-by date a new offer starts with. - Default currency and Locale : how money and dates are written. - Job description template and Offer letter template : the ones chosen first. - Keep unsuccessful candidates : see Privacy. - Automatic backups : how often a backup is taken (see Backups). - Theme : light, dark, or the same as your system."
},
{
"page": "backups.html",
"anchor": "backups-and-moving-a-workbook",
"title": "Backups and moving a workbook",
"text": "Your workbook is one file. Hiring Desk backs it up for you, and you can put a backup back in a few clicks."
},
{
"page": "backups.html",
"anchor": "backups",
"title": "Backups",
"text": "While a workbook is open, Hiring Desk takes a backup every 30 minutes if something changed, and again when you close it. You can change how often under Edit ▸ Preferences… , Automatic backups . Each backup is checked as it is made, so a damaged file is never saved as a backup. Older backups are thinned out over time: Hiring Desk keeps the ten newest, one a day for two weeks, one a week for two months, and one a month for a year. To see the backups, choose File ▸ Backups… . The list shows when each one was taken, why, and its size. - Back Up Now takes one straight away, for example before a big import. - Show Folder opens the folder where the backups are kept. The backups live on the same computer as the workbook. To be safe from a broken or stolen computer, copy the workbook to a USB stick or another computer from time to time (see below)."
},
{
"page": "backups.html",
"anchor": "restore-a-backup",
"title": "Restore a backup",
"text": "If you deleted something by mistake, first try Edit ▸ Undo ( Ctrl+Z ): it puts back what you just did. For anything older, restore a backup: 1. Choose File ▸ Backups… . 2. Select the backup from before the mistake and click Restore… . 3. Confirm. Hiring Desk replaces the workbook with the backup. The current workbook is not thrown away: it is kept beside the backups, so nothing is lost even if you picked the wrong one. Anything you did after the backup was taken is not in the restored workbook."
},
{
"page": "backups.html",
"anchor": "save-a-copy",
"title": "Save a copy",
"text": "File ▸ Save a Copy… writes a complete copy of the workbook to a file you choose. The copy is checked before it is finished. Use it to keep a copy somewhere safe, or to take the workbook to another computer."
},
{
"page": "backups.html",
"anchor": "move-a-workbook-to-another-computer",
"title": "Move a workbook to another computer",
"text": "1. On the old computer, choose File ▸ Save a Copy… and save the copy to a USB stick or a shared folder. 2. Install Hiring Desk on the new computer. 3. Copy the file onto the new computer, into your Documents folder for example. 4. Start Hiring Desk and choose File ▸ Open… , then pick the file. Or double-click the file. The CVs and other files you attached are inside the workbook, so they move with it. Keep the workbook on a disk of the computer itself. Hiring Desk warns you if a workbook is on a network drive or a synced folder, where two copies can get out of step; see Sharing a workbook."
},
{
"page": "privacy.html",
"anchor": "privacy",
"title": "Privacy",
"text": "Candidates' details are personal data. Laws such as the GDPR in Europe and the CCPA in California say you may keep them only as long as you need them, must tell people what you hold, and must delete it when they ask. Hiring Desk helps with each of these. Each candidate's Privacy button (in their details) shows their consent, how long they are kept, and the actions below."
},
{
"page": "privacy.html",
"anchor": "consent",
"title": "Consent",
"text": "Sometimes a candidate you did not hire agrees to be kept on file for future roles. To record it: 1. Open the candidate and choose Privacy ▸ Consent… . 2. Tick The candidate agreed to be kept on file . 3. Fill in when they agreed ( Given on ), how (by email, on a call), and Until when. 4. Click Save . Until it ends, the candidate is not put up for deletion."
},
{
"page": "privacy.html",
"anchor": "how-long-records-are-kept",
"title": "How long records are kept",
"text": "Unsuccessful candidates become due for deletion a number of months after their last application closed. The default is 6 months. To change it, go to Team & Company ▸ Privacy and set Keep unsuccessful candidates for , or use Edit ▸ Preferences… . Candidates who are in a hire or were hired are never due for deletion. When candidates are due, a bar appears at the top of the window. Click Review Candidates Due… to see them, or Later to hide the bar until next time. In the review, tick the candidates and click Erase Ticked… , or select one and click Keep Until… to keep them longer. To keep one person longer (for example during a dispute), choose Privacy ▸ Keep Until… on their record and pick the day. Tick No hold: let the retention policy decide to remove the hold."
},
{
"page": "privacy.html",
"anchor": "erasure",
"title": "Erasure",
"text": "When someone asks you to delete their data, or their time is up: 1. Open the candidate and choose Privacy ▸ Erase… . 2. Read the confirmation and click Erase . Hiring Desk first takes a backup. It then empties every personal field (the name becomes Erased candidate and a number), removes their skills, tags and files, and takes their name and contact details out of notes, scorecards and offers. Their applications, interviews and offers stay, without anything that names them, so your reports still add up. Erasure cannot be undone in the workbook; backups taken before still hold the data until they are thinned out."
},
{
"page": "privacy.html",
"anchor": "access-requests",
"title": "Access requests",
"text": "When someone asks what you hold about them, open their record and choose Privacy ▸ Export Data… and choose where to save. Hiring Desk writes one zip file with everything about the candidate: their record and consent, their applications and how they moved, their interviews and scorecards, their offers, and every file attached to them. Send that file to the person."
},
{
"page": "team-workbook.html",
"anchor": "a-team-workbook-on-a-server",
"title": "A team workbook on a server",
"text": "A workbook is normally one file on one computer, used by one person at a time. When several people need to work on the same hires at once, the workbook can live in a PostgreSQL database instead: a team workbook . Everyone runs Hiring Desk on their own computer and connects to the same database. The window, the pages and the printed documents are the same."
},
{
"page": "team-workbook.html",
"anchor": "for-the-person-who-sets-it-up",
"title": "For the person who sets it up",
"text": "You need a PostgreSQL server (version 13 or newer) that everyone's computer can reach: one in the office, or one rented from a hosting company. Ask whoever looks after it for these steps, or do them yourself with psql : 1. Make a database for the workbook and a login for the person who will look after its team (they may create the others' logins, so give it CREATEROLE ): CREATE ROLE sam LOGIN CREATEROLE PASSWORD 'choose-a-password'; CREATE DATABASE hiring OWNER sam; The login that fills the workbook owns it and is always one of its admins. Everyone else gets a login of their own from inside Hiring Desk (see \"Who may do what\" below). 2. The first time the workbook is filled, Hiring Desk adds two extensions to the database ( unaccent , so a search for \"odegard\" finds \"Ødegård\", and pg trgm ). The login that fills it must be allowed to do that: the database's owner can, on most servers. Or run CREATE EXTENSION unaccent; CREATE EXTENSION pg trgm; in the database beforehand. 3. Fill the empty database, in one of two ways: - Move an existing workbook up. Open your workbook file and choose File ▸ Move to Team Server… . Type the database's address, such as postgresql://sam@db.example.com/hiring , and click Move . Everything is copied: candidates, files, interviews, offers and the whole history. Hiring Desk checks that every table and every file arrived before it keeps the copy, then offers to open the team workbook. Your file is not changed. - Start afresh. Make a new, empty workbook file with File ▸ New Workbook… , then move it up as above. (Connecting to an empty database says \"the database is empty, no workbook was made in it yet\": the workbook has to be moved there first.) 4. Back the server up with the server's own tools ( pg dump ). Hiring Desk's automatic file backups are for workbook files; for a team workbook, use File ▸ Save a Copy… to keep a copy as a file as well. The same can be done on the command line, for example on the server itself: hiring-desk copy \"Our hiring.hiringdesk\" postgresql://sam@db.example.com/hiring"
},
{
"page": "team-workbook.html",
"anchor": "for-the-people-who-connect",
"title": "For the people who connect",
"text": "1. Choose File ▸ Connect to Team Workbook… . 2. Fill in the Server (its name or address, as you were told), the Port (5432 unless told otherwise), the Database , your User and your Password . 3. Tick Remember the password to keep it in your computer's password store (the keychain). Hiring Desk never writes it anywhere else. If your computer has no password store, the tick cannot be set and Hiring Desk asks for the password each time. 4. Click Connect . The title bar and the status bar then say which team workbook is open, such as \"hiring on db.example.com (Team workbook)\". Next time, the team workbook is under File ▸ Open Recent , and Hiring Desk reopens it when it starts."
},
{
"page": "team-workbook.html",
"anchor": "working-together",
"title": "Working together",
"text": "- Several people can have the team workbook open at once; nobody is locked out. - When someone else moves a candidate, changes an offer or saves a scorecard while you were looking at the same record, Hiring Desk does not let your change overwrite theirs. It says who changed it and when, changes nothing, and shows the record as it is now. Look at it again and make your change if it still makes sense. - Pages refresh when others change something you are looking at. - Everyone signs in as themselves, so the history, the timeline and \"changed meanwhile\" messages name the real person. The status bar says who you are signed in as and your role; there is no Acting as on a team workbook."
},
{
"page": "team-workbook.html",
"anchor": "who-may-do-what",
"title": "Who may do what",
"text": "Each person on a team workbook has one of four roles. The server itself enforces them: what a role does not include is refused by the database, whatever program asks, not only hidden in the window. Role May --- --- Admin Everything: the team and its roles, the company profile, templates, role budgets, the privacy tools, backups and copies. Recruiter Candidates, the pipeline, interviews, offers and email. Not the team, the company profile, templates or budgets. Hiring manager Their own roles: the brief, the job description, the pipeline, interviews and offers. Other roles can be read, not changed; offers of other roles are not shown. Interviewer The candidates they interview: profile, CV, the interview plan and questions, and their own scorecards. No salaries and no offers. Scores stay independent: an interviewer sees the other interviewers' scorecards for a candidate only once they have submitted their own for every interview of that candidate they take part in. What your role does not include is not offered: pages you may not use are not in the list on the left, and buttons are greyed out, with a tip saying why. Should something still reach the server that your role does not allow, Hiring Desk says \"You don't have permission to …\" and nothing is changed."
},
{
"page": "team-workbook.html",
"anchor": "adding-and-removing-people-admins",
"title": "Adding and removing people (admins)",
"text": "On Team & Company , under People who sign in : - Add Person… : their name, a login (letters, digits and . @ - ) and a role. If the server has no such login yet, Hiring Desk creates it and shows a one-time password once: hand it over in person. If a team member of the same name is already in the workbook (an interviewer picked for interviews, say), they become that person, with their interviews and scorecards. - Change Role… : another role takes effect the next time they open the workbook. - Remove… : their login is disabled and they can no longer sign in. What they did stays in the history, under their name. Each person should change a one-time password the first time they sign in, with File ▸ Change My Password… . The same from the command line, run by an admin: hiring-desk team add \"Dana Ruiz\" --login dana --role recruiter --workbook postgresql://sam@db.example.com/hiring hiring-desk team list --workbook postgresql://sam@db.example.com/hiring hiring-desk team set-role dana hiring manager --workbook postgresql://sam@db.example.com/hiring hiring-desk team remove dana --workbook postgresql://sam@db.example.com/hiring A workbook file has no sign-in and no roles: its one user may do everything, and Acting as in the status bar says whose name goes into the history."
},
{
"page": "team-workbook.html",
"anchor": "to-take-a-copy-away",
"title": "To take a copy away",
"text": "To work on a laptop without the server (when travelling, or to keep an archive), choose File ▸ Save a Copy… while the team workbook is open. The copy is an ordinary workbook file. Changes made in it do not go back to the server by themselves; to bring a copy back up, use Move to Team Server… into an empty database, or ask whoever set the server up."
},
{
"page": "team-workbook.html",
"anchor": "when-it-cannot-connect",
"title": "When it cannot connect",
"text": "Hiring Desk says what went wrong in plain words, in the Connect dialog: What it says What to do --- --- \"the server at … cannot be reached\" or \"did not answer in time\" Check the server's name and port, and that your computer is on the office network or VPN. \"the server refused the password\" Type it again; ask whoever set up the server to reset it. \"the database does not exist on the server\" Check its name; the person who set up the server can make it. \"the database is empty, no workbook was made in it yet\" Move a workbook there first (see above). \"the login … is not on this workbook's team\" Ask one of its admins to add you. \"the login … may not sign in\" You were removed from the team, or your login was disabled; ask an admin. \"the server has no login named …\" Check the user name; ask an admin to add you. \"permission denied\" or \"the server does not let this user in from here\" Your login may not use this database, or not from your computer; ask whoever set up the server. \"the server has too many connections open\" Try again in a little while. The connection was lost and what was being saved was undone Try again when the network is back; nothing was half saved. Network drives and synced folders (Dropbox, OneDrive) are not a way to share a workbook file : if two computers change their copies, one set of changes can be lost. Use a team workbook instead."
},
{
"page": "keyboard.html",
"anchor": "keyboard",
"title": "Keyboard",
"text": "Everything in Hiring Desk can be done with the keyboard. The keys below are the ones on Windows and Linux; on a Mac, use Cmd where this page says Ctrl . To see every key, with a box to search them, choose Help ▸ Keyboard Shortcuts… ( Ctrl+/ ). That list is read from the window itself, so it is always up to date."
},
{
"page": "keyboard.html",
"anchor": "getting-around",
"title": "Getting around",
"text": "Keys What they do --- --- Ctrl+1 to Ctrl+7 Go to Today, Roles, Candidates, Interviews, Offers, Team & Company, Reports Ctrl+F Search candidates: names, emails, skills, notes and the text of CVs F5 Read everything again from the workbook F1 Open this guide at the part about the page or dialog you are in Ctrl+/ List every keyboard shortcut Tab , Shift+Tab Move between the fields and buttons Alt + underlined letter Press that button or go to that field"
},
{
"page": "keyboard.html",
"anchor": "workbooks",
"title": "Workbooks",
"text": "Keys What they do --- --- Ctrl+N New workbook Ctrl+O Open a workbook Ctrl+W Close the workbook Ctrl+Shift+S Save a copy Ctrl+Q Quit Ctrl+Z , Ctrl+Y Undo, Redo Ctrl+, Preferences"
},
{
"page": "keyboard.html",
"anchor": "on-the-pages",
"title": "On the pages",
"text": "Where Keys What they do --- --- --- Roles Enter Edit the selected role Roles, Candidates Delete Delete the selected role or candidate (Hiring Desk asks first) Candidates Ctrl+Shift+M Write to the candidate shown Candidates Ctrl+Page Down , Ctrl+Page Up Next or previous section of the candidate's details Team & Company Delete Remove the selected team member Scorecard 1 to 4 , 0 Rate the skill (0: not rated); the cursor moves on to the next one Scorecard Ctrl+Enter Save the scorecard Dialogs Esc Close; Hiring Desk asks first if you changed something"
},
{
"page": "troubleshooting.html",
"anchor": "troubleshooting",
"title": "Troubleshooting",
"text": "When Hiring Desk cannot do something, it says so in a short message and changes nothing. The title of the message says what did not happen (for example Candidate Not Saved or Cannot Open Workbook ); the text says why. This page groups the messages you may meet, says what each means and what to do. In a form, a problem is shown in red next to the field it concerns. Correct the field and save again."
},
{
"page": "troubleshooting.html",
"anchor": "opening-a-workbook",
"title": "Opening a workbook",
"text": "These appear in a message titled Cannot Open Workbook (or Cannot Create Workbook ), after the file's name. The message says What it means What to do --- --- --- it is already open in another Hiring Desk window The workbook is open elsewhere, on this computer or another one sharing the file. Close it there, then try again. See Sharing a workbook. not a Hiring Desk workbook The file is something else, such as a spreadsheet. Pick the .hiringdesk file. The other file was not touched. this is a folder, not a workbook file You picked a folder. Open the folder and pick the file inside it. the file does not exist It was moved, renamed or deleted. Find it with your file manager, or restore a backup. made by a newer version of Hiring Desk Someone saved it with a newer Hiring Desk than yours. Update Hiring Desk on this computer. the workbook has no schema; it was never fully created Making the workbook was interrupted. Make a new workbook, or restore a backup. upgrading … failed and was undone; the file is unchanged An older workbook could not be brought up to date. Your file is safe as it was. Make sure the disk has space, and try again. the workbook file or its folder is read-only Hiring Desk may not write there. Copy the workbook to a folder you can write to (such as Documents) and open the copy. another program is using the workbook file A backup or sync program has the file open. Wait until it has finished, or close it, and try again. the disk is full There is no room to save changes. Free some space, then try again. an input/output error on the disk The disk may be failing or was unplugged. Copy the workbook and its backups somewhere safe before going on. a file with this name already exists A new workbook was asked for where a file is. Choose another name."
},
{
"page": "troubleshooting.html",
"anchor": "the-workbook-is-damaged",
"title": "The workbook is damaged",
"text": "If a workbook fails its check when it opens, Hiring Desk does not open it. It offers to Restore the newest good backup. The damaged file is not deleted: it is kept beside the workbook, in case you need something from it. If there is no good backup, the file is left exactly as it is; look in the backups folder ( File ▸ Backups… ▸ Show Folder ) or open a copy you saved elsewhere."
},
{
"page": "troubleshooting.html",
"anchor": "backups-and-copies",
"title": "Backups and copies",
"text": "The message says What it means What to do --- --- --- No backup was taken …; trying again later An automatic backup could not be written, often because the disk is full. Free some space. Hiring Desk tries again every few minutes while it is open. … failed its integrity check and was not backed up; the existing backups were kept The workbook has a problem, so it was not copied over your good backups. Restore a backup (see Backups). … cannot be restored: it is damaged That backup is not usable. Pick an older backup. a workbook cannot be restored from itself You picked the workbook, not a backup. Pick a file from the backups list. … could not be replaced …; the previous file is kept as … The restore was stopped, often by another program holding the file. Close other programs using the file and try again. Nothing was lost. Nothing was erased: the backup taken before erasing failed Erasing always backs up first; that failed. Free some disk space and try again. Cannot Save a Copy The copy could not be written. Choose another folder, or free some space."
},
{
"page": "troubleshooting.html",
"anchor": "candidates-and-files",
"title": "Candidates and files",
"text": "The message says What it means What to do --- --- --- this candidate already applied to '…' They already have an application to that role. Open the candidate and use that application. … is larger than the limit of … MB The file is too big to attach. Save a smaller copy (for example, a PDF without large pictures). … is empty The file has nothing in it. Check you picked the right file. … is already attached as … The same file is on this candidate already. Nothing to do. is not a PDF, Word (.docx), OpenDocument (.odt) or plain-text file Hiring Desk cannot read the text of this kind of file. Attach it anyway if it was accepted, or save the CV as PDF. … was refused: it … The file looks unsafe, for example a document packed to unpack into something huge. Ask the candidate for a PDF. No program is set up to open … Your computer has no program for that kind of file. Install one, such as a PDF reader. a candidate cannot be merged with themselves You chose the same record twice. Choose the other record. Candidate …'s personal data is already erased The person was erased before. Nothing to do."
},
{
"page": "troubleshooting.html",
"anchor": "importing",
"title": "Importing",
"text": "The message says What it means What to do --- --- --- choose the column that holds the candidates' names or emails No column is set to a name or an email. In the Holds column, set the name or email column. … is not a text (CSV) file The file is a spreadsheet in Excel's own format, or something else. In your spreadsheet program, save it as CSV first. … is larger than … MB The file is very large. Split it into smaller files. '…' is not an ISO 4217 currency code The currency is not a three-letter code. Choose a code such as EUR, GBP or USD. … is not an email message / … holds no messages The file is not a saved email or mailbox. Save the messages from your email program as .eml or .mbox files. Nothing Imported Every row was skipped, or you cancelled. The Import Finished list says why for each line."
},
{
"page": "troubleshooting.html",
"anchor": "moving-between-stages",
"title": "Moving between stages",
"text": "These appear in a message titled Cannot Move . The message says What to do --- --- The application is already at … Nothing to do. Choose a reason for the rejection. Pick or type a reason. The application is already closed as …; reopen it first. Move it back to an open stage first. A candidate is hired from the Offer stage; move them to Offer first. Make an offer first (see Offers). Hired needs an accepted offer: record the candidate's acceptance first. On the Offers page, click Accept . This candidate is hired; only a withdrawal can change that. Choose Withdrawn if the hire backed out. Reopen the application at an earlier stage first. A rejected or withdrawn application reopens at a stage before Offer."
},
{
"page": "troubleshooting.html",
"anchor": "your-own-stages",
"title": "Your own stages",
"text": "The message says What to do --- --- this role already has a stage called … Choose another name. … is a stage every role has Choose another name. a role's own stages go inside Applied to Offer Choose one of those phases. … needs at least one stage; hide it instead. Keep one stage in the phase, or hide it. … applications are at …; move them to another stage first, or remove the stage. Move the candidates on, then hide the stage."
},
{
"page": "troubleshooting.html",
"anchor": "interviews",
"title": "Interviews",
"text": "The message says What to do --- --- This interview has already taken place; it cannot be cancelled. Add a scorecard instead, or leave it. This interview starts on …; it can be marked done once it has begun. Wait until the interview has started. This interview was cancelled, so it cannot be marked done. Schedule a new interview. Nobody to print for '…': no application is at the Interview or Shortlisted stage or has an interview scheduled. Move candidates to Interview, or schedule an interview, then print the pack. choose at least one candidate Tick a candidate in the pack dialog. '…' has no interviews to export yet. Schedule an interview first. must be from … to … minutes Choose a length in that range. Cannot Enter Scorecard The message says why; usually the interview was cancelled or has not started yet."
},
{
"page": "troubleshooting.html",
"anchor": "offers-and-letters",
"title": "Offers and letters",
"text": "The message says What to do --- --- This application already has an offer (…); withdraw it, or record the candidate's answer, before making another. Use the existing offer on the Offers page. This application was rejected, so no offer can be made on it. Reopen the application first if that was a mistake. The candidate withdrew from this role, so no offer can be made on it. Reopen the application first if they are back. The offer is …; its terms can no longer be changed. Withdraw it and make a new offer. must be a member of the team Add the person under Team & Company ▸ Team first. The offer is …, so its letter stays as printed on … A sent or answered offer keeps the letter it had. Use Print Letter… to print it again. This letter was printed on … from another template Click Regenerate to make it from the new template. is required to close the open applications Choose a reason when you mark the role filled. The letter dialog lists anything missing under Fix these before printing , with what to do. The usual ones: - The candidate has no postal address: add it to their record. - The company has no name or address: set it under Team & Company ▸ Company Profile . - No one is chosen to sign offers: choose a person under Signs offers there. - The signatory has no job title: add it to their entry on the Team tab. - The offer has no start date, or no date by which to answer: set it in the offer. - The role has no hiring manager, or its brief has no location: edit the role. - An unknown field name: a template has a misspelt merge field. The message suggests the right name (see Letter templates and merge fields)."
},
{
"page": "troubleshooting.html",
"anchor": "email",
"title": "Email",
"text": "The message says What to do --- --- … is larger than … MB; mail servers refuse it. Attach a smaller file. Choose at least one candidate to write to. Select candidates first. The message cannot be made: … Fix the template problem named in the message under Edit ▸ Email Templates… . Could not write the draft: … Choose another folder, or free some space. a built-in template cannot be removed Change its text instead, or add your own template."
},
{
"page": "troubleshooting.html",
"anchor": "job-descriptions-and-reports",
"title": "Job descriptions and reports",
"text": "The message says What to do --- --- '…' has no saved job description yet; draft and save one first. Open Job Description… , write it and click Save Version . unknown merge field … A job-description template uses a field that does not exist: correct its name. The range ends before it starts: choose a later To day. Set the To day after the From day."
},
{
"page": "troubleshooting.html",
"anchor": "privacy",
"title": "Privacy",
"text": "The message says What to do --- --- must be a day after today Choose a later day to keep the candidate until. Choose the candidates to erase. Tick at least one candidate."
},
{
"page": "troubleshooting.html",
"anchor": "saving-files",
"title": "Saving files",
"text": "The message says What to do --- --- Could not write …, or …; choose an existing folder The folder is missing or read-only: pick another folder. Export Failed , Report Not Saved , Letter Not Saved The file could not be written. Close it if it is open in another program (such as a PDF reader), and try again."
},
{
"page": "troubleshooting.html",
"anchor": "something-went-wrong",
"title": "Something went wrong",
"text": "If Hiring Desk meets a problem it did not expect, it shows Something went wrong . Your saved work is safe: every change is saved as you make it. The message names a log file with the details. If it happens again, send that file to whoever looks after Hiring Desk for you. The log never holds candidates' details."
},
{
"page": "troubleshooting.html",
"anchor": "the-window-does-not-open",
"title": "The window does not open",
"text": "If you start Hiring Desk on a computer without a screen (a server), it says there is no display. Use it on a desktop computer."
}
];
